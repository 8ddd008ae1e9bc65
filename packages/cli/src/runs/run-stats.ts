import type { RunResult } from "@bedrock-keys/agents";

/**
 * What one run did, for the summary table.
 *
 * @example
 * ```ts
 * io.stdout.write(renderRunSummary([stats satisfies RunStats]));
 * ```
 */
export interface RunStats {
  name: string;
  status: RunResult<unknown>["status"];
  reason?: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  throttles: number;
  seconds: number;
  detail: string;
  /** Why a failed run failed (name, code, message; never key material). */
  error?: { name: string; code?: string; message: string };
}

/**
 * Condenses a run result into {@link RunStats}.
 *
 * @example
 * ```ts
 * const stats = toRunStats("role-play", outcome, { throttles: 2, seconds: 8.1, detail: "4 turns" });
 * ```
 */
export function toRunStats(
  name: string,
  outcome: RunResult<unknown>,
  extra: { throttles: number; seconds: number; detail: string },
): RunStats {
  const usage = outcome.usage.run;
  return {
    name,
    status: outcome.status,
    ...(outcome.reason !== undefined && { reason: outcome.reason }),
    ...(outcome.error !== undefined && { error: outcome.error }),
    calls: usage.calls,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd: usage.costUsd,
    ...extra,
  };
}
