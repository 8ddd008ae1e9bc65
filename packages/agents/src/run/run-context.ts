import { randomUUID } from "node:crypto";
import type { Cassette } from "../cassette/cassette.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import type { AgentEvents, EventBase } from "../events/agent-events.js";
import type { RunEmitter } from "../events/run-emitter.js";
import { Budget, type RunLimits } from "../limits/budget.js";
import { defaultPriceTable, type PriceTable } from "../limits/price-table.js";
import { RateLimiterRegistry, sharedRateLimiters } from "../limits/rate-limiter-registry.js";
import { type Clock, systemClock } from "../time/clock.js";
import type { Transcript } from "../transcript/transcript.js";
import { UsageLedger } from "../usage/usage-ledger.js";
import type { RunHooks } from "./run-hooks.js";

/**
 * Options every orchestrator (`RolePlaying`, `Workforce`, `Simulation`, `Agent.run`) accepts.
 *
 * @example
 * ```ts
 * const options: RunOptions = { limits: { maxCostUsd: 0.5 }, cassette: Cassette.record("run.jsonl") };
 * ```
 */
export interface RunOptions {
  runId?: string;
  limits?: RunLimits;
  /** Merged over {@link defaultPriceTable}. */
  prices?: PriceTable;
  clock?: Clock;
  /** Defaults to the process-wide registry (or a fresh one bound to `clock` when a clock is given). */
  rateLimiters?: RateLimiterRegistry;
  hooks?: RunHooks;
  cassette?: Cassette;
  transcript?: Transcript;
  signal?: AbortSignal;
  /** Randomness for backoff jitter (default `Math.random`). */
  random?: () => number;
  /** Retries of transient (non-throttling) errors per call, default 6. Throttling retries until a limit stops. */
  maxTransientRetries?: number;
}

/** Everything one run shares: id, events, clock, budget, usage ledger, limiters, hooks, cassette. */
export class RunContext {
  readonly runId: string;
  readonly clock: Clock;
  readonly budget: Budget;
  readonly ledger = new UsageLedger();
  readonly limiters: RateLimiterRegistry;
  readonly hooks: RunHooks;
  readonly cassette: Cassette | undefined;
  readonly prices: PriceTable;
  readonly random: () => number;
  readonly maxTransientRetries: number;
  readonly signal: AbortSignal | undefined;

  constructor(
    readonly emitter: RunEmitter,
    options: RunOptions,
    defaults: RunLimits = {},
  ) {
    this.runId = options.runId ?? randomUUID();
    this.clock = options.clock ?? systemClock;
    this.budget = new Budget({ ...defaults, ...options.limits }, this.clock, (type, payload) =>
      this.emit(type, payload as never),
    );
    this.limiters =
      options.rateLimiters ??
      (options.clock ? new RateLimiterRegistry({ clock: options.clock }) : sharedRateLimiters());
    this.hooks = options.hooks ?? {};
    this.cassette = options.cassette;
    this.prices = { ...defaultPriceTable, ...options.prices };
    this.random = options.random ?? Math.random;
    this.maxTransientRetries = options.maxTransientRetries ?? 6;
    this.signal = options.signal;
  }

  /** Publishes an event with this run's id and the clock time filled in. */
  emit<K extends keyof AgentEvents>(
    type: K,
    payload: Omit<AgentEvents[K], keyof EventBase> & Partial<EventBase>,
  ): void {
    this.emitter.publish(type, { runId: this.runId, time: this.clock.now(), ...payload } as AgentEvents[K]);
  }

  /** Throws `RunStoppedError("aborted")` once the caller's signal fired. */
  throwIfAborted(): void {
    if (this.signal?.aborted) throw new RunStoppedError("aborted");
  }
}
