import { RunStoppedError, type StopReason } from "../errors/run-stopped-error.js";
import type { AgentEvents } from "../events/agent-events.js";
import type { Clock } from "../time/clock.js";
import type { Usage } from "../usage/usage.js";

/**
 * The limits of one run. Every run is finite by default: 20 turns, 10 000 model calls, one hour.
 *
 * @example
 * ```ts
 * const limits: RunLimits = { maxTurns: 10, maxTokens: 50_000, maxCostUsd: 0.25, timeoutMs: 60_000 };
 * ```
 */
export interface RunLimits {
  /** Conversation turns (role-play) — default 20. */
  maxTurns?: number;
  /** Model calls in the whole run — default 10 000. */
  maxSteps?: number;
  /** Absolute deadline (Date or clock ms). */
  deadline?: Date | number;
  /** Relative deadline from the run start — default 3 600 000 (one hour). */
  timeoutMs?: number;
  /** Total tokens (input + output) of the run. */
  maxTokens?: number;
  /** Total cost of the run in USD, from the price table. */
  maxCostUsd?: number;
  /** Fraction of a limit at which `budget-warning` fires once (default 0.8). */
  warnAt?: number;
}

type Notify = <K extends "budget-warning" | "budget-exceeded">(
  type: K,
  payload: Pick<AgentEvents[K], "limit" | "used" | "max">,
) => void;

/**
 * Tracks one run's turns, steps, tokens, cost and deadline; throws `RunStoppedError` with the reason when one is
 * exhausted and emits `budget-warning` / `budget-exceeded`.
 *
 * @example
 * ```ts
 * const budget = new Budget({ maxSteps: 2 }, systemClock, () => {});
 * budget.beforeCall(); budget.recordCall(usage);
 * ```
 */
export class Budget {
  readonly maxTurns: number;
  readonly maxSteps: number;
  readonly deadlineAt: number;
  readonly maxTokens: number;
  readonly maxCostUsd: number;
  turns = 0;
  steps = 0;
  tokens = 0;
  costUsd = 0;
  private readonly warned = new Set<StopReason>();
  private readonly exceeded = new Set<StopReason>();
  private readonly warnAt: number;

  constructor(
    limits: RunLimits,
    private readonly clock: Clock,
    private readonly notify: Notify,
  ) {
    this.maxTurns = limits.maxTurns ?? 20;
    this.maxSteps = limits.maxSteps ?? 10_000;
    const relative = clock.now() + (limits.timeoutMs ?? 3_600_000);
    const absolute = limits.deadline instanceof Date ? limits.deadline.getTime() : limits.deadline;
    this.deadlineAt = Math.min(relative, absolute ?? Number.POSITIVE_INFINITY);
    this.maxTokens = limits.maxTokens ?? Number.POSITIVE_INFINITY;
    this.maxCostUsd = limits.maxCostUsd ?? Number.POSITIVE_INFINITY;
    this.warnAt = limits.warnAt ?? 0.8;
  }

  /** Throws when the run may not start another model call. */
  beforeCall(): void {
    const now = this.clock.now();
    if (now >= this.deadlineAt) this.exceed("deadline", now, this.deadlineAt);
    if (this.steps >= this.maxSteps) this.exceed("max-steps", this.steps, this.maxSteps);
    if (this.tokens >= this.maxTokens) this.exceed("max-tokens", this.tokens, this.maxTokens);
    if (this.costUsd >= this.maxCostUsd) this.exceed("max-cost", this.costUsd, this.maxCostUsd);
  }

  /** Counts one conversation turn; throws when `maxTurns` turns have already been taken. */
  beginTurn(): void {
    if (this.turns >= this.maxTurns) this.exceed("max-turns", this.turns, this.maxTurns);
    this.turns++;
    this.warn("max-turns", this.turns, this.maxTurns);
  }

  recordCall(usage: Usage): void {
    this.steps += usage.calls;
    this.tokens += usage.totalTokens;
    this.costUsd += usage.costUsd;
    this.warn("max-steps", this.steps, this.maxSteps);
    this.warn("max-tokens", this.tokens, this.maxTokens);
    this.warn("max-cost", this.costUsd, this.maxCostUsd);
  }

  private warn(limit: StopReason, used: number, max: number): void {
    if (!Number.isFinite(max) || used < max * this.warnAt || this.warned.has(limit)) return;
    this.warned.add(limit);
    this.notify("budget-warning", { limit, used, max });
  }

  private exceed(limit: StopReason, used: number, max: number): never {
    if (!this.exceeded.has(limit)) {
      this.exceeded.add(limit);
      this.notify("budget-exceeded", { limit, used, max });
    }
    throw new RunStoppedError(limit, `${formatNumber(used)} of ${formatNumber(max)}`);
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(6);
}
