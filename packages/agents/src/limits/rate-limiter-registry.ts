import { type Clock, systemClock } from "../time/clock.js";
import { RateLimiter, type RateLimiterOptions } from "./rate-limiter.js";

/** What identifies one Bedrock quota: the key (by fingerprint), the region and the model. */
export interface RateLimiterKey {
  fingerprint: string;
  region: string;
  modelId: string;
}

/**
 * Options of a {@link RateLimiterRegistry}: default limiter options, and an optional per-key override (for
 * example a tenant whose quota you know).
 *
 * @example
 * ```ts
 * const options: RateLimiterRegistryOptions = { defaults: { requestsPerMinute: 300 } };
 * ```
 */
export interface RateLimiterRegistryOptions {
  defaults?: Omit<RateLimiterOptions, "clock">;
  limitsFor?: (key: RateLimiterKey) => Omit<RateLimiterOptions, "clock"> | undefined;
  clock?: Clock;
}

/**
 * Hands out exactly one {@link RateLimiter} per (key fingerprint, region, model), so every agent that uses the
 * same customer key against the same model shares one quota, across runs.
 *
 * @example
 * ```ts
 * const limiters = new RateLimiterRegistry({ defaults: { requestsPerMinute: 300 } });
 * const limiter = limiters.get({ fingerprint: "3f2a9c1d", region: "us-east-1", modelId: "amazon.nova-lite-v1:0" });
 * ```
 */
export class RateLimiterRegistry {
  readonly clock: Clock;
  private readonly options: RateLimiterRegistryOptions;
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(options: RateLimiterRegistryOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
  }

  get(key: RateLimiterKey): RateLimiter {
    const id = `${key.fingerprint}|${key.region}|${key.modelId}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const specific = this.options.limitsFor?.(key);
      limiter = new RateLimiter({ ...this.options.defaults, ...specific, clock: this.clock });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Every limiter created so far, by `fingerprint|region|model`. */
  entries(): Array<[string, RateLimiter]> {
    return [...this.limiters.entries()];
  }
}

let shared: RateLimiterRegistry | undefined;

/**
 * The process-wide registry that runs use when none is given, so separate runs on one key share its quota.
 *
 * @example
 * ```ts
 * const limiter = sharedRateLimiters().get({ fingerprint, region, modelId });
 * ```
 */
export function sharedRateLimiters(): RateLimiterRegistry {
  shared ??= new RateLimiterRegistry();
  return shared;
}
