import { RunStoppedError } from "../errors/run-stopped-error.js";
import { type Clock, systemClock } from "../time/clock.js";
import { FairQueue } from "./fair-queue.js";
import { SlidingWindow } from "./sliding-window.js";

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
  private readonly window: SlidingWindow;
  private readonly queue = new FairQueue<Waiter>();
  private readonly maxConcurrency: number;
  private inFlight = 0;
  private concurrencyLimit: number;
  private rateFactor = 1;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private timerPending = false;
  private admitted = 0;
  private throttled = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.window = new SlidingWindow(options.windowMs ?? 60_000);
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
      this.queue.push(waiter.owner, waiter);
      this.pump();
    });
  }

  /** Report a `ThrottlingException`: multiplicative decrease (at most once per second of clock time). */
  onThrottle(): void {
    this.throttled++;
    const now = this.clock.now();
    if (now - this.lastDecreaseAt < this.window.windowMs / 60) return;
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
      waiting: this.queue.size,
      inFlight: this.inFlight,
      concurrencyLimit: Math.floor(this.concurrencyLimit),
      rateFactor: this.rateFactor,
    };
  }

  private pump(): void {
    const now = this.clock.now();
    this.window.prune(now);
    for (let next = this.queue.peek(); next; next = this.queue.peek()) {
      const waiter = next.item;
      if (waiter.deadlineAt !== undefined && now >= waiter.deadlineAt) {
        this.drop(waiter, new RunStoppedError("deadline", "while waiting for the rate limiter"));
        continue;
      }
      if (this.inFlight >= Math.floor(this.concurrencyLimit)) return;
      if (!this.fits(waiter.tokens)) {
        this.schedule(Math.min(this.window.untilOldestExpires(now), this.earliestDeadline() - now));
        return;
      }
      this.queue.shift();
      this.detach(waiter);
      const entry = this.window.add(now, waiter.tokens);
      this.inFlight++;
      this.admitted++;
      let settled = false;
      waiter.resolve({
        settle: (actualTokens: number) => {
          if (settled) return;
          settled = true;
          this.inFlight--;
          this.window.settle(entry, actualTokens);
          this.pump();
        },
      });
    }
  }

  /** Whether a request of `tokens` fits the RPM and TPM windows now (an empty window admits anything). */
  private fits(tokens: number): boolean {
    if (this.window.count === 0) return true;
    const rpm = this.options.requestsPerMinute;
    const tpm = this.options.tokensPerMinute;
    if (rpm !== undefined && this.window.count >= Math.max(1, Math.floor(rpm * this.rateFactor)))
      return false;
    return tpm === undefined || this.window.tokens + tokens <= Math.max(1, Math.floor(tpm * this.rateFactor));
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
    for (const waiter of this.queue.items()) {
      if (waiter.deadlineAt !== undefined) earliest = Math.min(earliest, waiter.deadlineAt);
    }
    return earliest;
  }

  private drop(waiter: Waiter, error: unknown): void {
    if (!this.queue.remove(waiter.owner, waiter)) return;
    this.detach(waiter);
    waiter.reject(error);
  }

  private detach(waiter: Waiter): void {
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
  }
}
