import {
  type Cassette,
  createMarketAgents,
  createMarketState,
  type MarketAction,
  type MarketState,
  marketWorld,
  Simulation,
} from "@bedrock-keys/agents";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Style } from "../format/create-style.js";
import type { CliIo } from "../io/cli-io.js";
import { type RunStats, toRunStats } from "./run-stats.js";
import { createProgressLine, watchRun } from "./watch-run.js";

/**
 * Options of {@link runMarketSimulation}.
 *
 * @example
 * ```ts
 * const options: RunMarketSimulationOptions = { model, agents: 20, ticks: 3, style };
 * ```
 */
export interface RunMarketSimulationOptions {
  model: BaseChatModel;
  agents: number;
  ticks: number;
  /** Agents acting at once; default min(agents, 32). */
  concurrency?: number;
  seed?: number;
  /** Deadline of the whole run; default 10 minutes. */
  timeoutMs?: number;
  cassette?: Cassette;
  style: Style;
}

/**
 * The market world simulation (N traders x T ticks) with a live progress line per tick: agent turns, tokens,
 * cost, throttles absorbed, price.
 *
 * @example
 * ```ts
 * const stats = await runMarketSimulation({ model, agents: 20, ticks: 3, style }, io);
 * ```
 */
export async function runMarketSimulation(options: RunMarketSimulationOptions, io: CliIo): Promise<RunStats> {
  const { style } = options;
  const simulation = new Simulation<MarketState, MarketAction>({
    world: marketWorld,
    agents: createMarketAgents(options.agents),
    initialState: createMarketState(options.agents, options.seed ?? 42),
    ticks: options.ticks,
    model: options.model,
    concurrency: options.concurrency ?? Math.min(options.agents, 32),
    maxOutputTokens: 64,
    seed: options.seed ?? 42,
    limits: { timeoutMs: options.timeoutMs ?? 600_000 },
    ...(options.cassette !== undefined && { cassette: options.cassette }),
    ...(io.signal !== undefined && { signal: io.signal }),
  });
  const line = createProgressLine(io, style);
  let tick = 0;
  let turns = 0;
  const watch = watchRun(simulation, () =>
    line.update(
      `  tick ${tick}/${options.ticks}: ${turns}/${options.agents} agents acted, ${watch.tokens} tokens, ` +
        `$${watch.costUsd.toFixed(4)}, ${watch.throttles} throttles absorbed`,
    ),
  );
  simulation.on("tick-start", (event) => {
    tick = event.tick;
    turns = 0;
  });
  simulation.on("message", () => {
    turns += 1;
  });
  simulation.on("tick-end", (event) => {
    line.commit(
      `  tick ${event.tick}/${options.ticks}: ${event.actions} actions (${event.invalid} invalid), ` +
        `${watch.calls} calls, ${watch.tokens} tokens, $${watch.costUsd.toFixed(4)}, ${watch.throttles} throttles absorbed`,
    );
  });
  const started = performance.now();
  const outcome = await simulation.run();
  const result = outcome.result ?? outcome.partialResult;
  const summary = result === undefined ? "" : (marketWorld.summarize?.(result.state) ?? "");
  line.commit(
    `  ${outcome.status === "completed" ? style.green("✓") : style.yellow("■")} simulation ${outcome.status}` +
      `${outcome.reason === undefined ? "" : ` (${outcome.reason})`}: ${summary}`,
  );
  if (outcome.status === "failed") line.commit(style.red(`  ${outcome.error?.message ?? "failed"}`));
  return toRunStats("market simulation", outcome, {
    throttles: watch.throttles,
    seconds: (performance.now() - started) / 1000,
    detail: `${result?.ticksCompleted ?? 0} ticks x ${options.agents} agents`,
  });
}
