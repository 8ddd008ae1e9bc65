/**
 * Full-jitter exponential backoff: a random delay in `[0, min(cap, base * 2^attempt)]`, at least `floor` ms.
 * Throttling uses a longer base than other transient errors, as the AWS SDK does.
 *
 * @example
 * ```ts
 * const ms = backoffDelay(3, { baseMs: 500, capMs: 20_000 }, Math.random);
 * ```
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; capMs: number; floorMs?: number },
  random: () => number,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(options.floorMs ?? 1, Math.floor(random() * ceiling));
}
