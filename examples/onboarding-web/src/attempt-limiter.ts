/**
 * A fixed-window limit on onboarding attempts per client address. Every attempt makes the server call Bedrock
 * with a stranger's key, so without a limit the page is a free key-validity oracle and a way to spend the
 * platform's connections.
 *
 * @example
 * ```ts
 * const limiter = createAttemptLimiter({ maxPerMinute: 20 });
 * const { allowed, retryAfterSeconds } = limiter.take("203.0.113.7");
 * ```
 */
export function createAttemptLimiter(options: { maxPerMinute: number; now?: () => number }): {
  take(client: string): { allowed: boolean; retryAfterSeconds: number };
} {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(client) {
      const time = now();
      // Forget finished windows so the map cannot grow without bound.
      if (windows.size > 10_000) {
        for (const [key, window] of windows) if (time - window.start >= 60_000) windows.delete(key);
      }
      const current = windows.get(client);
      if (current === undefined || time - current.start >= 60_000) {
        windows.set(client, { start: time, count: 1 });
        return { allowed: true, retryAfterSeconds: 0 };
      }
      current.count += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((current.start + 60_000 - time) / 1000));
      return { allowed: current.count <= options.maxPerMinute, retryAfterSeconds };
    },
  };
}
