import { describe, expect, it } from "vitest";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import type { Clock } from "../time/clock.js";
import { RateLimiter } from "./rate-limiter.js";

/** A manual clock: time moves only when the test advances it; sleepers wake in time order. */
function manualClock() {
  let now = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ at: now + ms, wake: resolve })),
  };
  const advance = async (ms: number) => {
    now += ms;
    const due = sleepers.filter((entry) => entry.at <= now);
    sleepers.splice(0, sleepers.length, ...sleepers.filter((entry) => entry.at > now));
    for (const sleeper of due) sleeper.wake();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, advance };
}

describe("RateLimiter", () => {
  it("admits requests per minute in a sliding window and wakes waiters when it slides", async () => {
    const { clock, advance } = manualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 2, clock });
    const admitted: number[] = [];
    for (let index = 0; index < 3; index++) {
      void limiter.acquire({ owner: "a" }).then((lease) => {
        admitted.push(index);
        lease.settle(0);
      });
    }
    await advance(0);
    expect(admitted).toEqual([0, 1]);
    await advance(30_000);
    expect(admitted).toEqual([0, 1]);
    await advance(30_001);
    expect(admitted).toEqual([0, 1, 2]);
  });

  it("reserves tokens at admission and settles them with the real usage", async () => {
    const { clock, advance } = manualClock();
    const limiter = new RateLimiter({ tokensPerMinute: 1000, clock });
    const first = await limiter.acquire({ tokens: 800 });
    let second = false;
    void limiter.acquire({ tokens: 500 }).then(() => (second = true));
    await advance(0);
    expect(second).toBe(false);
    first.settle(300);
    await advance(0);
    expect(second).toBe(true);
  });

  it("serves owners round-robin, not first-come-first-served", async () => {
    const { clock, advance } = manualClock();
    const limiter = new RateLimiter({ maxConcurrency: 1, clock });
    const order: string[] = [];
    const hold = await limiter.acquire({ owner: "x" });
    for (const owner of ["a", "a", "a", "b", "b", "c"]) {
      void limiter.acquire({ owner }).then((lease) => {
        order.push(owner);
        lease.settle(0);
      });
    }
    hold.settle(0);
    await advance(0);
    expect(order).toEqual(["a", "b", "c", "a", "b", "a"]);
  });

  it("halves its window on throttling and recovers additively on success", () => {
    const { clock } = manualClock();
    const limiter = new RateLimiter({ maxConcurrency: 16, requestsPerMinute: 100, clock });
    limiter.onThrottle();
    expect(limiter.stats().concurrencyLimit).toBe(8);
    expect(limiter.stats().rateFactor).toBe(0.5);
    limiter.onThrottle();
    expect(limiter.stats().concurrencyLimit).toBe(8);
    limiter.onSuccess();
    expect(limiter.stats().concurrencyLimit).toBe(8);
    expect(limiter.stats().rateFactor).toBeCloseTo(0.55);
  });

  it("rejects a waiter whose deadline passes while it waits", async () => {
    const { clock, advance } = manualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 1, clock });
    (await limiter.acquire()).settle(0);
    const waiting = limiter.acquire({ deadlineAt: 5_000 }).catch((error: unknown) => error);
    await advance(5_000);
    const error = await waiting;
    expect(RunStoppedError.isInstance(error) && error.reason).toBe("deadline");
  });
});
