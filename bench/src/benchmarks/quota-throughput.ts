import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { measuredEntry, spec } from "../harness/entries.js";
import { interleave } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext } from "../harness/types.js";
import { rawBearerClient } from "../support/bearer-client.js";
import type { AgentsApi, ClockLike, LangchainApi } from "../support/contracts.js";
import { benchModel } from "../support/fixtures.js";
import { loadApi } from "../support/load-api.js";
import { type RemoteEmulator, withRemoteEmulator } from "../support/remote-emulator.js";
import { bySize } from "../support/sizes.js";

const group = "5 throughput under a quota";
const naiveName = "naive Promise.all + SDK retries";
const fraction = spec(
  group,
  "achieved fraction of 300 RPM, 50 agents (after the first minute)",
  "of quota",
  "higher",
  {
    anchorName: naiveName,
    target: { metric: "ours", op: ">=", value: 0.9 },
  },
);
const lost = spec(group, "lost tasks, 50 agents", "tasks", "lower", {
  anchorName: naiveName,
  target: { metric: "ours", op: "==", value: 0 },
});

const agentCount = 50;
const requestsPerMinute = 300;
const tokensPerMinute = 150_000;
const maxTokens = 200;
const minute = 60_000;

interface QuotaRun {
  fraction: number;
  lost: number;
  completed: number;
  throttled: number;
  /** Why the run stopped early, if it did. */
  stopped?: string;
}

/**
 * The share of the quota used over the steady-state window [1 min, 1 min + k min): the quota's sliding window
 * lets anyone burst a full minute's worth at the start, so the first minute says nothing about sustained use;
 * in any k-minute window at most k x RPM requests can be admitted.
 */
function steadyFraction(completions: readonly number[], runStart: number, windowMinutes: number): number {
  const from = runStart + minute;
  const to = from + windowMinutes * minute;
  const inside = completions.filter((time) => time >= from && time < to).length;
  return inside / (windowMinutes * requestsPerMinute);
}

async function runOurs(
  agents: AgentsApi,
  langchain: LangchainApi,
  emulator: RemoteEmulator,
  clock: ClockLike & { start: number },
  tasks: { ticks: number; windowMinutes: number },
): Promise<QuotaRun> {
  const key = await emulator.issueLongTermKey(`bench-quota-ours-${clock.start}`);
  // One layer of retries (the orchestrator's, on the shared clock): the chat model itself does not retry.
  const model = new langchain.ChatBedrockKey({
    model: benchModel,
    apiKey: key,
    region: emulator.region,
    endpoint: emulator.url,
    maxTokens,
    maxRetries: 0,
  });
  const simulation = new agents.Simulation({
    world: agents.marketWorld,
    agents: agents.createMarketAgents(agentCount),
    initialState: agents.createMarketState(agentCount),
    ticks: tasks.ticks,
    model,
    concurrency: agentCount,
    maxOutputTokens: maxTokens,
    clock,
    rateLimiters: new agents.RateLimiterRegistry({ clock, defaults: { requestsPerMinute, tokensPerMinute } }),
  });
  const completions: number[] = [];
  let throttled = 0;
  simulation.on("message", () => completions.push(clock.now()));
  simulation.on("throttled", () => throttled++);
  const runStart = clock.now();
  const outcome = await simulation.run();
  const total = agentCount * tasks.ticks;
  return {
    fraction: steadyFraction(completions, runStart, tasks.windowMinutes),
    lost: total - completions.length,
    completed: completions.length,
    throttled,
    ...(outcome.status === "completed"
      ? {}
      : { stopped: outcome.reason ?? outcome.error?.message ?? outcome.status }),
  };
}

async function runNaive(
  emulator: RemoteEmulator,
  clock: ClockLike & { start: number },
  tasks: { ticks: number; windowMinutes: number },
): Promise<QuotaRun> {
  const key = await emulator.issueLongTermKey(`bench-quota-naive-${clock.start}`);
  const client = rawBearerClient({ endpoint: emulator.url, region: emulator.region, key });
  const completions: number[] = [];
  let lostTasks = 0;
  let throttled = 0;
  const messages = [{ role: "user" as const, content: [{ text: "Buy, sell or hold? Reply with JSON." }] }];
  const runStart = clock.now();
  try {
    // What people write first: every agent fires its tasks, the SDK's default retries are the only defence.
    await Promise.all(
      Array.from({ length: agentCount }, async () => {
        for (let task = 0; task < tasks.ticks; task++) {
          try {
            const response = await client.send(
              new ConverseCommand({ modelId: benchModel, messages, inferenceConfig: { maxTokens } }),
            );
            throttled += (response.$metadata.attempts ?? 1) - 1;
            completions.push(clock.now());
          } catch (error) {
            // Every attempt of a lost task failed.
            throttled += (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
            lostTasks++;
          }
        }
      }),
    );
  } finally {
    client.destroy();
  }
  return {
    fraction: steadyFraction(completions, runStart, tasks.windowMinutes),
    lost: lostTasks,
    completed: completions.length,
    throttled,
  };
}

async function measure(context: BenchmarkContext, agents: AgentsApi, langchain: LangchainApi): Promise<void> {
  // The emulator's quota clock, the orchestrator's limiter and backoff share one clock that runs `factor` times
  // faster than real time, so minutes of quota take seconds. The machine must still serve far more than 300
  // requests per simulated minute, which bounds the factor. The SDK's own retry delays are real time (they
  // cannot be scaled): that lets the naive client's retries land later in simulated time, which only helps it.
  const { factor, windowMinutes, rounds } = bySize(context.mode, {
    quick: { factor: 60, windowMinutes: 1, rounds: 1 },
    full: { factor: 20, windowMinutes: 3, rounds: 2 },
  });
  const ticks = Math.ceil((requestsPerMinute * (windowMinutes + 2)) / agentCount);
  const tasks = { ticks, windowMinutes };
  const runs: Record<"ours" | "naive", QuotaRun[]> = { ours: [], naive: [] };
  const scaledClock = (): ClockLike & { start: number } => {
    const start = Date.now();
    return {
      start,
      now: () => start + (Date.now() - start) * factor,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / factor))),
    };
  };
  // A fresh emulator (empty quota windows, a clock starting now) for every run.
  const fresh = (who: "ours" | "naive") => async () => {
    const clock = scaledClock();
    const run = await withRemoteEmulator(
      {
        quotas: { requestsPerMinute, tokensPerMinute },
        clock: { factor, start: clock.start, realStart: clock.start },
      },
      (emulator) =>
        who === "ours"
          ? runOurs(agents, langchain, emulator, clock, tasks)
          : runNaive(emulator, clock, tasks),
      context.signal,
    );
    runs[who].push(run);
    context.log(
      `${who}: ${run.completed} done, ${run.lost} lost, fraction ${run.fraction.toFixed(3)}, ` +
        `${((Date.now() - clock.start) / 1000).toFixed(1)} s real`,
    );
    return 0;
  };
  await interleave({
    contenders: { ours: fresh("ours"), naive: fresh("naive") },
    warmupRounds: 0,
    rounds,
    signal: context.signal,
  });
  const pick = (who: "ours" | "naive", field: "fraction" | "lost") =>
    summarize(runs[who].map((run) => run[field]));
  const describe = (who: "ours" | "naive") => {
    const run = runs[who][0]!;
    const stopped = run.stopped ? ` (stopped: ${run.stopped})` : "";
    return `${who}: ${run.completed} done, ${run.lost} lost, ${run.throttled} throttled attempts${stopped}`;
  };
  const note =
    `${agentCount} agents x ${ticks} tasks at ${requestsPerMinute} RPM and ${tokensPerMinute.toLocaleString("en-US")} TPM, ` +
    `clock x${factor}, steady window ${windowMinutes} min; first run ${describe("ours")}; ${describe("naive")}`;
  context.record(
    measuredEntry(fraction, { ours: pick("ours", "fraction"), anchor: pick("naive", "fraction"), note }),
  );
  context.record(measuredEntry(lost, { ours: pick("ours", "lost"), anchor: pick("naive", "lost"), note }));
}

/** Benchmark 5: how much of a per-key quota 50 agents get through the shared rate limiter, and what is lost without it. */
export const quotaThroughput: Benchmark = {
  id: "quota",
  title: "throughput under a 300 RPM quota: Simulation + shared limiter vs naive Promise.all",
  specs: [fraction, lost],
  budgetSeconds: { quick: 13, full: 80 },
  async run(context) {
    const agents = await loadApi<AgentsApi>("@bedrock-keys/agents", [
      "Simulation",
      "RateLimiterRegistry",
      "marketWorld",
      "createMarketAgents",
      "createMarketState",
    ]);
    const langchain = await loadApi<LangchainApi>("@bedrock-keys/langchain", ["ChatBedrockKey"]);
    await section(context, [fraction, lost], () => measure(context, agents, langchain));
  },
};
