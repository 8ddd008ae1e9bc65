/** Per-minute quotas, applied per key fingerprint and model. */
export interface QuotaConfig {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
}

interface WindowEntry {
  atMs: number;
  tokens: number;
}

/** A reservation made at admission; settle it with the tokens actually used. */
export interface QuotaReservation {
  settle(actualTokens: number): void;
}

const WINDOW_MS = 60_000;
const NO_OP: QuotaReservation = { settle: () => undefined };

/**
 * Sliding one-minute windows of requests and tokens per key and model. Like Bedrock, a request is admitted
 * against the tokens-per-minute quota with its input tokens plus `maxTokens` reserved, and the reservation is
 * replaced by the real usage when it ends.
 *
 * @example
 * ```ts
 * const limiter = new QuotaLimiter({ requestsPerMinute: 60 }, Date.now);
 * const reservation = limiter.admit("3f2a9c1d|amazon.nova-lite-v1:0", 4200); // undefined when over quota
 * reservation?.settle(310);
 * ```
 */
export class QuotaLimiter {
  #config: QuotaConfig;
  readonly #now: () => number;
  readonly #windows = new Map<string, WindowEntry[]>();

  constructor(config: QuotaConfig, now: () => number) {
    this.#config = { ...config };
    this.#now = now;
  }

  set(config: QuotaConfig): void {
    this.#config = { ...config };
    this.#windows.clear();
  }

  /** Reserves one request and `reservedTokens`, or returns undefined when that would exceed a quota. */
  admit(key: string, reservedTokens: number): QuotaReservation | undefined {
    const { requestsPerMinute, tokensPerMinute } = this.#config;
    if (requestsPerMinute === undefined && tokensPerMinute === undefined) return NO_OP;
    const nowMs = this.#now();
    let window = this.#windows.get(key);
    if (window === undefined) {
      window = [];
      this.#windows.set(key, window);
    }
    let expired = 0;
    while (expired < window.length && (window[expired]?.atMs ?? 0) <= nowMs - WINDOW_MS) expired += 1;
    if (expired > 0) window.splice(0, expired);
    if (requestsPerMinute !== undefined && window.length >= requestsPerMinute) return undefined;
    if (tokensPerMinute !== undefined) {
      let used = 0;
      for (const entry of window) used += entry.tokens;
      if (used + reservedTokens > tokensPerMinute) return undefined;
    }
    const entry: WindowEntry = { atMs: nowMs, tokens: reservedTokens };
    window.push(entry);
    return {
      settle(actualTokens: number) {
        entry.tokens = actualTokens;
      },
    };
  }
}
