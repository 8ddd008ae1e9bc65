import { RunStoppedError } from "../errors/run-stopped-error.js";
import { type Clock, systemClock } from "../time/clock.js";

/**
 * Options of a {@link RateLimiter}. Leave `requestsPerMinute` / `tokensPerMinute` unset when the quota is
 * unknown: the adaptive concurrency window still backs off on throttling.
 *
 * @example
 * ```ts
 * const options: RateLimiterOptions = { requestsPerMinute: 300, tokensPerMinute: 200_000, maxConcurrency: 16 };
 * ```
 */
export interface RateLimiterOptions {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Upper bound of requests in flight (default 32); the adaptive window moves between 1 and this. */
  maxConcurrency?: number;
  clock?: Clock;
  /** Length of the sliding quota window (default 60 000 ms). */
  windowMs?: number;
  /** Multiplicative decrease on throttling (default 0.5). */
  decreaseFactor?: number;
  /** Additive recovery per success, as a fraction of the full limit (default 0.05). */
  recoveryStep?: number;
}

/** A granted slot; `settle` with the real token usage (once) to release it. */
export interface RateLimitLease {
  settle(actualTokens: number): void;
}

/** What a caller asks for: an owner for round-robin fairness, tokens to reserve, an optional deadline. */
export interface RateLimitRequest {
  owner?: string;
  tokens?: number;
  deadlineAt?: number;
  signal?: AbortSignal;
}

/** A snapshot of a limiter's state, for events and benchmarks. */
export interface RateLimiterStats {
  admitted: number;
  throttled: number;
  waiting: number;
  inFlight: number;
  concurrencyLimit: number;
  rateFactor: number;
}

interface Waiter {
  owner: string;
  tokens: number;
  deadlineAt: number | undefined;
  signal: AbortSignal | undefined;
  resolve: (lease: RateLimitLease) => void;
  reject: (error: unknown) => void;
  onAbort?: () => void;
}

interface Entry {
  time: number;
  tokens: number;
  live: boolean;
}

/**
 * A rate limiter for one (key fingerprint, region, model): a sliding-window RPM + TPM budget where tokens are
 * reserved at admission and settled with real usage, an adaptive concurrency window (AIMD: halves on
 * `ThrottlingException`, recovers additively), and round-robin fairness between owners (agents).
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ requestsPerMinute: 60 });
 * const lease = await limiter.acquire({ owner: "alice", tokens: 1200 });
 * try { /* call the model *\/ lease.settle(850); limiter.onSuccess(); } catch { lease.settle(0); }
 * ```
 */
export class RateLimiter {
  readonly options: Readonly<RateLimiterOptions>;
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly maxConcurrency: number;
  private readonly entries: Entry[] = [];
  private head = 0;
  private windowTokens = 0;
  private inFlight = 0;
  private concurrencyLimit: number;
  private rateFactor = 1;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private readonly queues = new Map<string, Waiter[]>();
  private readonly ring: string[] = [];
  private cursor = 0;
  private timerPending = false;
  private admitted = 0;
  private throttled = 0;
  private waiting = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxConcurrency = Math.max(1, options.maxConcurrency ?? 32);
    this.concurrencyLimit = this.maxConcurrency;
  }

  /** Waits for a slot. Rejects with `RunStoppedError` ("deadline" / "aborted") if that comes first. */
  acquire(request: RateLimitRequest = {}): Promise<RateLimitLease> {
    return new Promise<RateLimitLease>((resolve, reject) => {
      if (request.signal?.aborted) return reject(new RunStoppedError("aborted"));
      const waiter: Waiter = {
        owner: request.owner ?? "",
        tokens: Math.max(0, request.tokens ?? 0),
        deadlineAt: request.deadlineAt,
        signal: request.signal,
        resolve,
        reject,
      };
      if (request.signal) {
        waiter.onAbort = () => this.drop(waiter, new RunStoppedError("aborted"));
        request.signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      let queue = this.queues.get(waiter.owner);
      if (!queue) {
        queue = [];
        this.queues.set(waiter.owner, queue);
        this.ring.push(waiter.owner);
      }
      queue.push(waiter);
      this.waiting++;
      this.pump();
    });
  }

  /** Report a `ThrottlingException`: multiplicative decrease (at most once per second of clock time). */
  onThrottle(): void {
    this.throttled++;
    const now = this.clock.now();
    if (now - this.lastDecreaseAt < this.windowMs / 60) return;
    this.lastDecreaseAt = now;
    const factor = this.options.decreaseFactor ?? 0.5;
    this.rateFactor = Math.max(0.05, this.rateFactor * factor);
    this.concurrencyLimit = Math.max(1, this.concurrencyLimit * factor);
  }

  /** Report a success: additive recovery towards the configured limits. */
  onSuccess(): void {
    const step = this.options.recoveryStep ?? 0.05;
    this.rateFactor = Math.min(1, this.rateFactor + step);
    this.concurrencyLimit = Math.min(this.maxConcurrency, this.concurrencyLimit + step * this.maxConcurrency);
    this.pump();
  }

  stats(): RateLimiterStats {
    return {
      admitted: this.admitted,
      throttled: this.throttled,
      waiting: this.waiting,
      inFlight: this.inFlight,
      concurrencyLimit: Math.floor(this.concurrencyLimit),
      rateFactor: this.rateFactor,
    };
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    while (this.ring.length > 0) {
      if (this.cursor >= this.ring.length) this.cursor = 0;
      const owner = this.ring[this.cursor] as string;
      const waiter = this.queues.get(owner)?.[0] as Waiter;
      if (waiter.deadlineAt !== undefined && now >= waiter.deadlineAt) {
        this.drop(waiter, new RunStoppedError("deadline", "while waiting for the rate limiter"));
        continue;
      }
      if (this.inFlight >= Math.floor(this.concurrencyLimit)) return;
      const wait = this.windowWait(waiter.tokens, now);
      if (wait > 0) {
        this.schedule(Math.min(wait, this.earliestDeadline() - now));
        return;
      }
      this.remove(waiter, false);
      const entry: Entry = { time: now, tokens: waiter.tokens, live: true };
      this.entries.push(entry);
      this.windowTokens += entry.tokens;
      this.inFlight++;
      this.admitted++;
      waiter.resolve(this.lease(entry));
    }
  }

  private lease(entry: Entry): RateLimitLease {
    let settled = false;
    return {
      settle: (actualTokens: number) => {
        if (settled) return;
        settled = true;
        this.inFlight--;
        if (entry.live) this.windowTokens += Math.max(0, actualTokens) - entry.tokens;
        entry.tokens = Math.max(0, actualTokens);
        this.pump();
      },
    };
  }

  /** Milliseconds until a request of `tokens` fits the RPM and TPM windows (0 = now). */
  private windowWait(tokens: number, now: number): number {
    const count = this.entries.length - this.head;
    if (count === 0) return 0;
    const rpm = this.options.requestsPerMinute;
    const tpm = this.options.tokensPerMinute;
    const rpmFull = rpm !== undefined && count >= Math.max(1, Math.floor(rpm * this.rateFactor));
    const tpmFull =
      tpm !== undefined && this.windowTokens + tokens > Math.max(1, Math.floor(tpm * this.rateFactor));
    if (!rpmFull && !tpmFull) return 0;
    const oldest = this.entries[this.head] as Entry;
    return Math.max(1, oldest.time + this.windowMs - now);
  }

  private prune(now: number): void {
    while (
      this.head < this.entries.length &&
      (this.entries[this.head] as Entry).time <= now - this.windowMs
    ) {
      const entry = this.entries[this.head] as Entry;
      this.windowTokens -= entry.tokens;
      entry.live = false;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  private schedule(ms: number): void {
    if (this.timerPending) return;
    this.timerPending = true;
    void this.clock.sleep(Math.max(1, ms)).then(() => {
      this.timerPending = false;
      this.pump();
    });
  }

  private earliestDeadline(): number {
    let earliest = Number.POSITIVE_INFINITY;
    for (const queue of this.queues.values()) {
      for (const waiter of queue)
        if (waiter.deadlineAt !== undefined) earliest = Math.min(earliest, waiter.deadlineAt);
    }
    return earliest;
  }

  private drop(waiter: Waiter, error: unknown): void {
    if (this.remove(waiter, true)) waiter.reject(error);
  }

  private remove(waiter: Waiter, anywhere: boolean): boolean {
    const queue = this.queues.get(waiter.owner);
    const index = queue ? (anywhere ? queue.indexOf(waiter) : 0) : -1;
    if (!queue || index < 0) return false;
    queue.splice(index, 1);
    this.waiting--;
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
    const ringIndex = this.ring.indexOf(waiter.owner);
    if (queue.length === 0) {
      this.queues.delete(waiter.owner);
      this.ring.splice(ringIndex, 1);
      if (ringIndex < this.cursor) this.cursor--;
    } else if (!anywhere) {
      this.cursor = ringIndex + 1;
    }
    return true;
  }
}
