/**
 * Resolves when `signal` aborts (never, without a signal: the process then ends on its own signal handler).
 *
 * @example
 * ```ts
 * await waitForAbort(io.signal);
 * ```
 */
export function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}
