import { fileURLToPath } from "node:url";
import type { ScenarioInput, ScenarioOutput } from "../children/orchestrator-scenario.js";
import { measuredEntry, skippedEntry, spec } from "../harness/entries.js";
import { interleave } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { single, summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext } from "../harness/types.js";
import { runInChild } from "../support/child.js";
import type { AgentsApi, LangchainApi } from "../support/contracts.js";
import { loadApi } from "../support/load-api.js";
import { type RemoteEmulator, withRemoteEmulator } from "../support/remote-emulator.js";
import { bySize } from "../support/sizes.js";

const group = "4 orchestrator";
const perStep = spec(group, "Simulation, wall time per agent-step", "ms/step", "lower", {
  anchorName: "bare invoke loop",
});
const overhead = spec(group, "framework overhead per agent-step (CPU time)", "ms/step", "lower", {
  target: { metric: "ours", op: "<", value: 0.5 },
});
const overheadWall = spec(group, "framework overhead per agent-step (wall time)", "ms/step", "lower");
const wall = spec(group, "Simulation wall time", "s", "lower", { anchorName: "bare invoke loop" });
const rss = spec(group, "Simulation peak RSS", "MB", "lower", { anchorName: "bare invoke loop" });
const growthSizes = [100, 1_000, 10_000] as const;
const growthStep = (agents: number) =>
  spec(group, `growth, ${agents.toLocaleString("en-US")} agents: CPU per agent-step`, "ms/step", "lower");
const growthRss = (agents: number) =>
  spec(group, `growth, ${agents.toLocaleString("en-US")} agents: peak RSS`, "MB", "lower");
const exponent = spec(group, "growth: CPU-time exponent in agents (1 = linear)", "exponent", "lower", {
  target: { metric: "ours", op: "<=", value: 1.1 },
});
const rssPerAgent = spec(group, "growth: RSS per added agent", "KB/agent", "lower");
const growthSpecs = [...growthSizes.flatMap((n) => [growthStep(n), growthRss(n)]), exponent, rssPerAgent];

const scenarioFile = fileURLToPath(new URL("../children/orchestrator-scenario.js", import.meta.url)).replace(
  /\.js$/,
  ".ts",
);
const maxTokens = 64;
const concurrency = 32;

interface ScenarioRun {
  msPerStep: number;
  cpuMsPerStep: number;
  wallS: number;
  rssMb: number;
}

async function scenario(
  context: BenchmarkContext,
  emulator: RemoteEmulator,
  key: string,
  kind: ScenarioInput["kind"],
  agents: number,
  ticks: number,
): Promise<ScenarioRun> {
  const steps = agents * ticks;
  // Every agent gets the same valid action, so both contenders receive identical, equally sized replies.
  await emulator.script(
    "*",
    Array.from({ length: steps }, () => ({ text: '{"action":"hold","quantity":1}' })),
  );
  const input: ScenarioInput = {
    url: emulator.url,
    region: emulator.region,
    key,
    agents,
    ticks,
    concurrency,
    kind,
    maxTokens,
  };
  const { output, maxRssMb } = await runInChild<ScenarioInput, ScenarioOutput>(scenarioFile, input, {
    timeoutMs: 300_000,
    signal: context.signal,
  });
  if (output.calls !== steps) throw new Error(`${kind} made ${output.calls} model calls, expected ${steps}`);
  return {
    msPerStep: output.wallMs / steps,
    cpuMsPerStep: output.cpuMs / steps,
    wallS: output.wallMs / 1000,
    rssMb: maxRssMb,
  };
}

async function measureMain(context: BenchmarkContext, emulator: RemoteEmulator, key: string): Promise<void> {
  const { agents, ticks, rounds } = bySize(context.mode, {
    quick: { agents: 50, ticks: 2, rounds: 1 },
    full: { agents: 1_000, ticks: 10, rounds: 2 },
  });
  const runs: Record<"ours" | "anchor", ScenarioRun[]> = { ours: [], anchor: [] };
  const run = (who: "ours" | "anchor", kind: ScenarioInput["kind"]) => async () => {
    runs[who].push(await scenario(context, emulator, key, kind, agents, ticks));
    return 0;
  };
  await interleave({
    contenders: { ours: run("ours", "simulation"), anchor: run("anchor", "bare") },
    warmupRounds: 0,
    rounds,
    signal: context.signal,
  });
  const pick = (who: "ours" | "anchor", field: keyof ScenarioRun) =>
    summarize(runs[who].map((run) => run[field]));
  const note = `${agents.toLocaleString("en-US")} agents x ${ticks} ticks, ${concurrency} calls in flight, a fresh process per run, ${rounds} run(s) each`;
  context.record(
    measuredEntry(perStep, { ours: pick("ours", "msPerStep"), anchor: pick("anchor", "msPerStep"), note }),
  );
  const difference = (field: "msPerStep" | "cpuMsPerStep") =>
    summarize(runs.ours.map((run, index) => run[field] - (runs.anchor[index]?.[field] ?? Number.NaN)));
  const paired = "Simulation minus the bare loop, per agent-step, paired by round";
  context.record(
    measuredEntry(overhead, {
      ours: difference("cpuMsPerStep"),
      note: `${note}; ${paired}; CPU time of the process running it (other processes cannot inflate it)`,
    }),
  );
  context.record(measuredEntry(overheadWall, { ours: difference("msPerStep"), note: `${note}; ${paired}` }));
  context.record(measuredEntry(wall, { ours: pick("ours", "wallS"), anchor: pick("anchor", "wallS"), note }));
  context.record(measuredEntry(rss, { ours: pick("ours", "rssMb"), anchor: pick("anchor", "rssMb"), note }));
}

async function measureGrowth(
  context: BenchmarkContext,
  emulator: RemoteEmulator,
  key: string,
): Promise<void> {
  const { sizes, ticks } = bySize(context.mode, {
    quick: { sizes: [100], ticks: 1 },
    full: { sizes: [...growthSizes], ticks: 1 },
  });
  const measured = new Map<number, ScenarioRun>();
  for (const agents of growthSizes) {
    if (!sizes.includes(agents)) {
      context.record(skippedEntry(growthStep(agents), "full mode only"));
      context.record(skippedEntry(growthRss(agents), "full mode only"));
      continue;
    }
    const run = await scenario(context, emulator, key, "simulation", agents, ticks);
    measured.set(agents, run);
    const note = `${agents.toLocaleString("en-US")} agents x ${ticks} tick(s); wall ${run.wallS.toFixed(1)} s, ${run.msPerStep.toFixed(2)} ms per agent-step`;
    context.record(measuredEntry(growthStep(agents), { ours: single(run.cpuMsPerStep), note }));
    context.record(measuredEntry(growthRss(agents), { ours: single(run.rssMb), note }));
  }
  if (sizes.length < 2) {
    context.record(skippedEntry(exponent, "full mode only (needs several sizes)"));
    context.record(skippedEntry(rssPerAgent, "full mode only (needs several sizes)"));
    return;
  }
  const smallest = sizes[0]!;
  const largest = sizes[sizes.length - 1]!;
  const small = measured.get(smallest)!;
  const large = measured.get(largest)!;
  const range = `${smallest.toLocaleString("en-US")} -> ${largest.toLocaleString("en-US")} agents`;
  const slope = (ratio: number) => Math.log(ratio) / Math.log(largest / smallest);
  const cpuRatio = (large.cpuMsPerStep * largest) / (small.cpuMsPerStep * smallest);
  context.record(
    measuredEntry(exponent, {
      ours: single(slope(cpuRatio)),
      note: `log(CPU-time ratio) / log(agent ratio), ${range}; on wall time ${slope(large.wallS / small.wallS).toFixed(2)}`,
    }),
  );
  context.record(
    measuredEntry(rssPerAgent, {
      ours: single(((large.rssMb - small.rssMb) * 1024) / (largest - smallest)),
      note: `peak RSS difference / agent difference, ${range}`,
    }),
  );
}

/** Benchmark 4: what the orchestrator adds per agent-step, and how time and memory grow with the agent count. */
export const orchestrator: Benchmark = {
  id: "orchestrator",
  title: "Simulation overhead per agent-step, wall time, peak RSS and growth",
  specs: [perStep, overhead, overheadWall, wall, rss, ...growthSpecs],
  budgetSeconds: { quick: 9, full: 180 },
  async run(context) {
    await loadApi<AgentsApi>("@bedrock-keys/agents", ["Simulation", "marketWorld"]);
    await loadApi<LangchainApi>("@bedrock-keys/langchain", ["ChatBedrockKey"]);
    await withRemoteEmulator(
      {},
      async (emulator) => {
        const key = await emulator.issueLongTermKey("bench-orchestrator");
        await section(context, [perStep, overhead, overheadWall, wall, rss], () =>
          measureMain(context, emulator, key),
        );
        await section(context, growthSpecs, () => measureGrowth(context, emulator, key));
      },
      context.signal,
    );
  },
};
