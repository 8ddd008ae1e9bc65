import { Cassette } from "@bedrock-keys/agents";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { createStyle } from "../format/create-style.js";
import type { CliIo } from "../io/cli-io.js";
import { renderRunSummary } from "../runs/render-run-summary.js";
import { type ModelTargetOptions, resolveModelTarget } from "../runs/resolve-model-target.js";
import { runMarketSimulation } from "../runs/run-market-simulation.js";
import { runOutcomeError } from "../runs/run-outcome-error.js";
import { runRolePlay } from "../runs/run-role-play.js";
import type { RunStats } from "../runs/run-stats.js";

/**
 * The examples `simulate` can run.
 *
 * @example
 * ```ts
 * SIMULATION_EXAMPLES.includes("market"); // true
 * ```
 */
export const SIMULATION_EXAMPLES = ["market", "role-play"] as const;

/**
 * Options of `bedrock-keys simulate`.
 *
 * @example
 * ```ts
 * const options: SimulateOptions = { agents: 100, ticks: 5, turns: 6, seed: 42, timeoutSeconds: 600, record: "run.jsonl" };
 * ```
 */
export interface SimulateOptions extends ModelTargetOptions {
  agents: number;
  ticks: number;
  turns: number;
  seed: number;
  /** Record every model exchange to this JSONL cassette. */
  record?: string;
  /** Replay a cassette: no network, no key. */
  replay?: string;
  /** Deadline of the run in seconds (from `--timeout 10m`); the run stops with partial results. */
  timeoutSeconds: number;
}

/**
 * `bedrock-keys simulate <example>`: runs the market world simulation (`market`) or the trading-bot role-play
 * (`role-play`) with live progress (ticks, agent turns, tokens, cost, throttles absorbed) and a summary table.
 * `--record` writes a cassette; `--replay` answers from one with no network, deterministically.
 *
 * @example
 * ```ts
 * await runSimulate("market", { agents: 100, ticks: 5, turns: 6, seed: 42, timeoutSeconds: 600 }, io);
 * ```
 */
export async function runSimulate(example: string, options: SimulateOptions, io: CliIo): Promise<void> {
  if (!(SIMULATION_EXAMPLES as readonly string[]).includes(example)) {
    throw new CliUsageError(
      `Unknown example "${example.slice(0, 40)}": choose ${SIMULATION_EXAMPLES.join(" or ")}.`,
      {
        code: "UNKNOWN_EXAMPLE",
      },
    );
  }
  if (options.record !== undefined && options.replay !== undefined) {
    throw new CliUsageError("--record and --replay cannot be used together.", {
      code: "CONFLICTING_OPTIONS",
    });
  }
  const style = createStyle(io, io.stdout);
  const cassette =
    options.replay !== undefined
      ? Cassette.replay(options.replay)
      : options.record !== undefined
        ? Cassette.record(options.record)
        : undefined;
  const target = await resolveModelTarget({ ...options, offline: options.replay !== undefined }, io);
  try {
    io.stdout.write(
      `${style.bold(`simulate ${example}`)} ${style.dim(`on ${target.modelId}, ${target.description}`)}\n`,
    );
    const common = {
      model: target.model,
      style,
      timeoutMs: options.timeoutSeconds * 1000,
      ...(cassette !== undefined && { cassette }),
    };
    const stats: RunStats =
      example === "market"
        ? await runMarketSimulation(
            { ...common, agents: options.agents, ticks: options.ticks, seed: options.seed },
            io,
          )
        : await runRolePlay({ ...common, turns: options.turns }, io);
    io.stdout.write(renderRunSummary([stats]));
    if (options.record !== undefined) io.stdout.write(style.dim(`cassette written to ${options.record}\n`));
    const error = runOutcomeError([stats]);
    if (error !== undefined) throw error;
  } finally {
    await target.close();
  }
}
