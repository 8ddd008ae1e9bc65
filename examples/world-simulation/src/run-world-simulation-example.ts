import {
  createMarketAgents,
  createMarketState,
  type MarketAction,
  type MarketState,
  marketWorld,
  type RunResult,
  Simulation,
  type SimulationResult,
} from "@bedrock-keys/agents";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";

/** Options of {@link runWorldSimulationExample}. */
export interface WorldSimulationExampleOptions {
  /** Traders (default 100). */
  agents?: number;
  /** Ticks (default 5). */
  ticks?: number;
  seed?: number;
  /** Model calls in flight per tick (default 64). */
  concurrency?: number;
  /** Defaults to `env.AWS_BEARER_TOKEN_BEDROCK`; without any key the local emulator is started. */
  apiKey?: string;
  env?: Record<string, string | undefined>;
  model?: string;
  region?: string;
  maxCostUsd?: number;
  log?: (line: string) => void;
}

/** What the example produced. */
export interface WorldSimulationExampleReport {
  outcome: RunResult<SimulationResult<MarketState>>;
  usingEmulator: boolean;
  throttled: number;
  summary: string;
}

/**
 * A small stock market: N traders (100 by default; 1,000 works) over T ticks, each choosing buy / sell / hold as
 * JSON validated by a zod schema, applied in a seeded order. Real Bedrock with `AWS_BEARER_TOKEN_BEDROCK`, else
 * the local emulator.
 *
 * @example
 * ```ts
 * const { summary } = await runWorldSimulationExample({ agents: 1000, ticks: 5, log: console.log });
 * ```
 */
export async function runWorldSimulationExample(
  options: WorldSimulationExampleOptions = {},
): Promise<WorldSimulationExampleReport> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const count = options.agents ?? 100;
  const ticks = options.ticks ?? 5;
  let emulator: Emulator | undefined;
  let apiKey = options.apiKey ?? env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (!apiKey) {
    emulator = await startEmulator();
    apiKey = emulator.keys.issueLongTermKey({ userName: "world-simulation-example" });
    log(`(no AWS_BEARER_TOKEN_BEDROCK: using the local emulator at ${emulator.url})`);
  }
  try {
    const model = new ChatBedrockKey({
      model: options.model ?? (emulator ? "amazon.nova-lite-v1:0" : "us.amazon.nova-lite-v1:0"),
      region: options.region ?? emulator?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
      ...(emulator ? { endpoint: emulator.url } : {}),
      maxTokens: 64,
      maxRetries: 0,
      env: {},
    });
    const started = Date.now();
    const simulation = new Simulation<MarketState, MarketAction>({
      world: marketWorld,
      agents: createMarketAgents(count),
      initialState: createMarketState(count, options.seed ?? 42),
      ticks,
      model,
      apiKey,
      seed: options.seed ?? 42,
      concurrency: options.concurrency ?? 64,
      limits: { maxCostUsd: options.maxCostUsd ?? 2 },
    });
    let throttled = 0;
    simulation.on("throttled", () => throttled++);
    simulation.on("tick-end", (event) => {
      log(
        `tick ${event.tick}/${ticks}: ${event.actions} actions (${event.invalid} invalid), ` +
          `${event.usage.calls} calls, ${event.usage.totalTokens} tokens`,
      );
    });
    log(`${count} traders x ${ticks} ticks on ${model.model}`);
    const outcome = await simulation.run();
    const seconds = (Date.now() - started) / 1000;
    const summary = summarize(outcome, {
      count,
      ticks,
      throttled,
      seconds,
      usingEmulator: Boolean(emulator),
    });
    log(`\n${summary}`);
    return { outcome, usingEmulator: Boolean(emulator), throttled, summary };
  } finally {
    await emulator?.close();
  }
}

function summarize(
  outcome: RunResult<SimulationResult<MarketState>>,
  facts: { count: number; ticks: number; throttled: number; seconds: number; usingEmulator: boolean },
): string {
  const result = outcome.result ?? outcome.partialResult;
  const run = outcome.usage.run;
  const status = `${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ""}${outcome.error ? `: ${outcome.error.message}` : ""}`;
  return [
    "== market simulation summary",
    `status:        ${status}`,
    `ticks:         ${result?.ticksCompleted ?? 0} of ${facts.ticks}, ${facts.count} traders`,
    `market:        ${result ? marketWorld.summarize?.(result.state) : ""}`,
    `invalid:       ${result?.invalidActions ?? 0} replies fell back to hold`,
    `model calls:   ${run.calls} (${run.totalTokens} tokens), ${facts.throttled} throttled and retried`,
    `cost:          $${run.costUsd.toFixed(4)}${facts.usingEmulator ? " (list prices, emulated)" : ""}`,
    `wall time:     ${facts.seconds.toFixed(1)} s`,
  ].join("\n");
}
