import { fileURLToPath } from "node:url";
import type { LoadInput, LoadOutput } from "../children/load-generator.js";
import { measuredEntry, spec } from "../harness/entries.js";
import { interleave } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext, EntrySpec } from "../harness/types.js";
import { ChildWorker } from "../support/child.js";
import type { EmulatorLike } from "../support/contracts.js";
import { withEmulator } from "../support/emulator.js";
import { benchModel } from "../support/fixtures.js";
import { bySize } from "../support/sizes.js";

const group = "6 emulator";
const atLeast3000 = { metric: "ours", op: ">=", value: 3000 } as const;
const converseH2 = spec(group, "Converse over HTTP/2 (AWS SDK client)", "req/s", "higher");
const converseH1 = spec(group, "Converse over HTTP/1.1 (fetch client)", "req/s", "higher");
const capacityH2 = spec(group, "Converse capacity, HTTP/2", "req per server CPU-s", "higher", {
  target: atLeast3000,
});
const capacityH1 = spec(group, "Converse capacity, HTTP/1.1", "req per server CPU-s", "higher", {
  target: atLeast3000,
});
const streamH2 = spec(group, "ConverseStream over HTTP/2 (AWS SDK client)", "chunks/s", "higher");
const streamH1 = spec(group, "ConverseStream over HTTP/1.1 (fetch client)", "chunks/s", "higher");
const specs = [converseH2, converseH1, capacityH2, capacityH1, streamH2, streamH1];

const loadGenerator = fileURLToPath(new URL("../children/load-generator.js", import.meta.url)).replace(
  /\.js$/,
  ".ts",
);

type Load = `${LoadInput["protocol"]} ${LoadInput["operation"]}`;

async function measure(context: BenchmarkContext, emulator: EmulatorLike): Promise<void> {
  const { rounds, warmupMs, durationMs } = bySize(context.mode, {
    quick: { rounds: 1, warmupMs: 200, durationMs: 500 },
    full: { rounds: 3, warmupMs: 500, durationMs: 2_500 },
  });
  const key = emulator.keys.issueLongTermKey({ userName: "bench-load" });
  // Per load: the emulator's share of a core while serving (this process runs nothing else meanwhile), its
  // capacity (throughput / share: work per server CPU-second) and frames per stream.
  const serverShare = new Map<Load, number[]>();
  const capacity = new Map<Load, number[]>();
  const framesPerStream = new Map<Load, number[]>();
  const push = (map: Map<Load, number[]>, load: Load, value: number) =>
    map.set(load, [...(map.get(load) ?? []), value]);
  const errors: string[] = [];
  const worker = ChildWorker.start<LoadInput, LoadOutput>(loadGenerator);
  const load = (protocol: LoadInput["protocol"], operation: LoadInput["operation"]) => async () => {
    const name: Load = `${protocol} ${operation}`;
    const input: LoadInput = {
      ...{ url: emulator.url, region: emulator.region, key, modelId: benchModel },
      ...{ protocol, operation, warmupMs, durationMs, concurrency: 32 },
    };
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const { output } = await worker.run(input, {
      timeoutMs: warmupMs + durationMs + 20_000,
      signal: context.signal,
    });
    const cpu = process.cpuUsage(cpuBefore);
    const share = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
    if (output.errors > 0) errors.push(`${name}: ${output.errors} errors (${output.firstError})`);
    if (output.requests === 0) throw new Error(`no ${name} request succeeded: ${output.firstError}`);
    const rate = (operation === "stream" ? output.chunks : output.requests) / output.seconds;
    push(serverShare, name, share);
    push(capacity, name, rate / share);
    if (operation === "stream") push(framesPerStream, name, output.chunks / output.requests);
    return rate;
  };
  const samples = await interleave({
    contenders: {
      converseH2: load("http2", "converse"),
      converseH1: load("http1", "converse"),
      streamH2: load("http2", "stream"),
      streamH1: load("http1", "stream"),
    },
    warmupRounds: 0,
    rounds,
    signal: context.signal,
  }).finally(() => worker.close());

  const base = `load from a child process, 32 concurrent callers, ${rounds} rounds of ${durationMs / 1000} s`;
  const errorNote = errors.length > 0 ? `; ${errors[0]}` : "";
  const cpuNote = (name: Load) =>
    `server CPU ${(summarize(serverShare.get(name)!).median * 100).toFixed(0)}% of a core`;
  const record = (row: EntrySpec, values: number[], note: string) =>
    context.record(measuredEntry(row, { ours: summarize(values), note: `${note}${errorNote}` }));
  const frames = (name: Load) =>
    `${summarize(framesPerStream.get(name)!).median.toFixed(0)} frames per stream`;
  record(
    converseH2,
    samples.converseH2,
    `${base}; ${cpuNote("http2 converse")} (the client is the limit below 100%)`,
  );
  record(
    converseH1,
    samples.converseH1,
    `${base}; ${cpuNote("http1 converse")} (the client is the limit below 100%)`,
  );
  record(
    capacityH2,
    capacity.get("http2 converse")!,
    "req/s divided by the server's CPU share: what one core serves",
  );
  record(
    capacityH1,
    capacity.get("http1 converse")!,
    "req/s divided by the server's CPU share: what one core serves",
  );
  record(streamH2, samples.streamH2, `${base}; ${cpuNote("http2 stream")}; ${frames("http2 stream")}`);
  record(streamH1, samples.streamH1, `${base}; ${cpuNote("http1 stream")}; ${frames("http1 stream")}`);
}

/** Benchmark 6: the emulator's own throughput, so it is known not to be the bottleneck of the others. */
export const emulatorThroughput: Benchmark = {
  id: "emulator",
  title: "emulator Converse req/s and stream chunks/s, HTTP/2 and HTTP/1.1",
  specs,
  budgetSeconds: { quick: 8, full: 60 },
  async run(context) {
    await section(context, specs, () =>
      withEmulator({}, (emulator) => measure(context, emulator), context.signal),
    );
  },
};
