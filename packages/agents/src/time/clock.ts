/**
 * Time as the orchestrator sees it: `now()` in milliseconds and `sleep(ms)`. Everything that waits (rate limiter,
 * backoff, deadlines) goes through a clock, so tests can run a minute of quota in milliseconds.
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
 * ```
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The real wall clock.
 *
 * @example
 * ```ts
 * await systemClock.sleep(10);
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A clock that runs `factor` times faster than real time: a minute lasts `60_000 / factor` real ms. Share one
 * instance between the emulator (`now` option) and the agents so quotas and the limiter agree.
 *
 * @example
 * ```ts
 * const clock = createScaledClock(1000); // one simulated minute = 60 real ms
 * await startEmulator({ now: clock.now, quotas: { requestsPerMinute: 300 } });
 * ```
 */
export function createScaledClock(factor: number, start: number = Date.now()): Clock {
  const realStart = Date.now();
  return {
    now: () => start + (Date.now() - realStart) * factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / factor))),
  };
}
