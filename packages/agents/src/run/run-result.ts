import type { StopReason } from "../errors/run-stopped-error.js";
import type { RunStatus } from "../events/agent-events.js";
import type { UsageReport } from "../usage/usage-ledger.js";

/**
 * How a run ended. `completed` carries `result`; `stopped` (a limit, a guard, a cancel) carries `reason` and
 * `partialResult`; `failed` carries `error` (name, code, message — never key material) and `partialResult`.
 *
 * @example
 * ```ts
 * const outcome = await roleplay.run();
 * if (outcome.status === "stopped") console.log(outcome.reason, outcome.partialResult);
 * ```
 */
export interface RunResult<TResult, TPartial = TResult> {
  runId: string;
  status: RunStatus;
  reason?: StopReason;
  result?: TResult;
  partialResult?: TPartial;
  error?: { name: string; code?: string; message: string };
  usage: UsageReport;
}
