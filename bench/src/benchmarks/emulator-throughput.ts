import { fileURLToPath } from "node:url";
import type { LoadInput, LoadOutput } from "../children/load-generator.js";
import { measuredEntry, spec } from "../harness/entries.js";
import { interleave } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext } from "../harness/types.js";
import { runInChild } from "../support/child.js";
import type { EmulatorLike } from "../support/contracts.js";
import { withEmulator } from "../support/emulator.js";
import { benchModel } from "../support/fixtures.js";
import { bySize } from "../support/sizes.js";

const group = "6 emulator";
const atLeast3000 = { metric: "ours", op: ">=", value: 3000 } as const;
const converseH2 = spec(group, "Converse over HTTP/2 (AWS SDK)", "req/s", "higher", { target: atLeast3000 });
const converseH1 = spec(group, "Converse over HTTP/1.1 (fetch)", "req/s", "higher", { target: atLeast3000 });
const streamH2 = spec(group, "ConverseStream over HTTP/2 (AWS SDK)", "chunks/s", "higher");
const streamH1 = spec(group, "ConverseStream over HTTP/1.1 (fetch)", "chunks/s", "higher");

const loadGenerator = fileURLToPath(new URL("../children/load-generator.js", import.meta.url)).replace(
  /\.js$/,
  ".ts",
);

async function measure(context: BenchmarkContext, emulator: EmulatorLike): Promise<void> {
  const { rounds, warmupMs, durationMs } = bySize(context.mode, {
    quick: { rounds: 2, warmupMs: 200, durationMs: 500 },
    full: { rounds: 5, warmupMs: 500, durationMs: 3_000 },
  });
  const key = emulator.keys.issueLongTermKey({ userName: "bench-load" });
  const perStream: Record<string, number[]> = { http2: [], http1: [] };
  const errors: string[] = [];
  const load = (protocol: LoadInput["protocol"], operation: LoadInput["operation"]) => async () => {
    const input: LoadInput = {
      url: emulator.url,
      region: emulator.region,
      key,
      modelId: benchModel,
      protocol,
      operation,
      warmupMs,
      durationMs,
      concurrency: 32,
    };
    const { output } = await runInChild<LoadInput, LoadOutput>(loadGenerator, input, {
      timeoutMs: warmupMs + durationMs + 20_000,
      signal: context.signal,
    });
    if (output.errors > 0)
      errors.push(`${protocol} ${operation}: ${output.errors} errors (${output.firstError})`);
    if (output.requests === 0)
      throw new Error(`no ${protocol} ${operation} request succeeded: ${output.firstError}`);
    if (operation === "stream") {
      perStream[protocol]!.push(output.chunks / output.requests);
      return output.chunks / output.seconds;
    }
    return output.requests / output.seconds;
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
  });
  const note = `load from a child process, 32 concurrent callers, ${rounds} rounds of ${durationMs / 1000} s`;
  const errorNote = errors.length > 0 ? `; ${errors[0]}` : "";
  const chunksNote = (protocol: string) =>
    `${note}; ${summarize(perStream[protocol]!).median.toFixed(0)} frames per stream${errorNote}`;
  context.record(measuredEntry(converseH2, { ours: summarize(samples.converseH2), note: note + errorNote }));
  context.record(measuredEntry(converseH1, { ours: summarize(samples.converseH1), note: note + errorNote }));
  context.record(measuredEntry(streamH2, { ours: summarize(samples.streamH2), note: chunksNote("http2") }));
  context.record(measuredEntry(streamH1, { ours: summarize(samples.streamH1), note: chunksNote("http1") }));
}

/** Benchmark 6: the emulator's own throughput, so it is known not to be the bottleneck of the others. */
export const emulatorThroughput: Benchmark = {
  id: "emulator",
  title: "emulator Converse req/s and stream chunks/s, HTTP/2 and HTTP/1.1",
  specs: [converseH2, converseH1, streamH2, streamH1],
  budgetSeconds: { quick: 14, full: 150 },
  async run(context) {
    const specs = [converseH2, converseH1, streamH2, streamH1];
    await section(context, specs, () => withEmulator({}, (emulator) => measure(context, emulator)));
  },
};
