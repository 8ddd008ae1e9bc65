import { renderTable } from "../format/render-table.js";
import type { RunStats } from "./run-stats.js";

const integer = new Intl.NumberFormat("en-US");

/**
 * The final summary table of `demo` and `simulate`: one row per run and a total.
 *
 * @example
 * ```ts
 * io.stdout.write(renderRunSummary([rolePlayStats, simulationStats]));
 * ```
 */
export function renderRunSummary(runs: readonly RunStats[]): string {
  const total = runs.reduce(
    (sum, run) => ({
      calls: sum.calls + run.calls,
      inputTokens: sum.inputTokens + run.inputTokens,
      outputTokens: sum.outputTokens + run.outputTokens,
      costUsd: sum.costUsd + run.costUsd,
      throttles: sum.throttles + run.throttles,
      seconds: sum.seconds + run.seconds,
    }),
    { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, throttles: 0, seconds: 0 },
  );
  const rows = runs.map((run) => [
    run.name,
    run.reason === undefined ? run.status : `${run.status} (${run.reason})`,
    integer.format(run.calls),
    integer.format(run.inputTokens),
    integer.format(run.outputTokens),
    `$${run.costUsd.toFixed(4)}`,
    integer.format(run.throttles),
    `${run.seconds.toFixed(1)}s`,
  ]);
  if (runs.length > 1) {
    rows.push([
      "total",
      "",
      integer.format(total.calls),
      integer.format(total.inputTokens),
      integer.format(total.outputTokens),
      `$${total.costUsd.toFixed(4)}`,
      integer.format(total.throttles),
      `${total.seconds.toFixed(1)}s`,
    ]);
  }
  return `${renderTable({
    head: [
      "run",
      "status",
      "model calls",
      "input tokens",
      "output tokens",
      "cost",
      "throttles absorbed",
      "time",
    ],
    rows,
  })}\n`;
}
