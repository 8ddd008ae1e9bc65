import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { ChatBedrockConverse } from "@langchain/aws";
import { generateText } from "ai";
import { measuredEntry, spec } from "../harness/entries.js";
import { concurrentLatencies, interleave, msPerCall } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { quantile, summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext } from "../harness/types.js";
import { scriptedAnswers } from "../support/answers.js";
import { rawBearerClient } from "../support/bearer-client.js";
import type { ChatModelLike, LangchainApi } from "../support/contracts.js";
import { benchModel } from "../support/fixtures.js";
import { loadApi } from "../support/load-api.js";
import { type RemoteEmulator, withRemoteEmulator } from "../support/remote-emulator.js";
import { bySize } from "../support/sizes.js";

const group = "2 chat overhead";
const vsRaw = { metric: "ratio", op: "<=", value: 1.1 } as const;
const vsConverse = { metric: "ratio", op: "<", value: 1 } as const;
const invokeRaw = spec(group, "invoke, per call", "ms/call", "lower", {
  anchorName: "raw SDK",
  target: vsRaw,
});
const invokeLc = spec(group, "invoke, per call (vs @langchain/aws)", "ms/call", "lower", {
  anchorName: "ChatBedrockConverse",
  target: vsConverse,
});
const invokeAi = spec(group, "invoke, per call (vs AI SDK, HTTP/1.1)", "ms/call", "lower", {
  anchorName: "@ai-sdk/amazon-bedrock generateText",
});
const invokeCpu = spec(group, "invoke, client CPU per call", "ms/call", "lower", { anchorName: "raw SDK" });
const firstRaw = spec(group, "stream 500 tokens, first chunk", "ms", "lower", {
  anchorName: "raw SDK",
  target: vsRaw,
});
const totalRaw = spec(group, "stream 500 tokens, total", "ms", "lower", {
  anchorName: "raw SDK",
  target: vsRaw,
});
const firstLc = spec(group, "stream 500 tokens, first chunk (vs @langchain/aws)", "ms", "lower", {
  anchorName: "ChatBedrockConverse",
  target: vsConverse,
});
const totalLc = spec(group, "stream 500 tokens, total (vs @langchain/aws)", "ms", "lower", {
  anchorName: "ChatBedrockConverse",
  target: vsConverse,
});
const p50 = spec(group, "200 concurrent invokes, p50", "ms", "lower", { anchorName: "raw SDK" });
const p99 = spec(group, "200 concurrent invokes, p99", "ms", "lower", { anchorName: "raw SDK" });

const prompt = "Write a short note about bearer tokens.";
const maxTokens = 1024;

interface Contenders {
  ours: ChatModelLike;
  converse: ChatModelLike;
  raw: ReturnType<typeof rawBearerClient>;
  aiSdk: () => Promise<unknown>;
  /** The SDK clients the anchors hold, closed at the end. */
  clients: Array<ReturnType<typeof rawBearerClient>>;
}

async function contenders(api: LangchainApi, emulator: RemoteEmulator): Promise<Contenders> {
  const key = await emulator.issueLongTermKey("bench-chat");
  const connection = { endpoint: emulator.url, region: emulator.region, key };
  const raw = rawBearerClient(connection);
  const converseClient = rawBearerClient(connection);
  const aiModel = createAmazonBedrock({ apiKey: key, region: emulator.region, baseURL: emulator.url })(
    benchModel,
  );
  return {
    ours: new api.ChatBedrockKey({
      model: benchModel,
      apiKey: key,
      region: emulator.region,
      endpoint: emulator.url,
      maxTokens,
    }),
    converse: new ChatBedrockConverse({
      model: benchModel,
      region: emulator.region,
      client: converseClient,
      maxTokens,
    }) as unknown as ChatModelLike,
    raw,
    aiSdk: () => generateText({ model: aiModel, prompt, maxOutputTokens: maxTokens }),
    clients: [raw, converseClient],
  };
}

const messages = [{ role: "user" as const, content: [{ text: prompt }] }];

async function rawInvoke(client: Contenders["raw"]): Promise<void> {
  await client.send(new ConverseCommand({ modelId: benchModel, messages, inferenceConfig: { maxTokens } }));
}

/** Time to the first text delta and to the end of the stream, in ms. */
async function rawStream(client: Contenders["raw"]): Promise<[number, number]> {
  const start = performance.now();
  let first = Number.NaN;
  const response = await client.send(
    new ConverseStreamCommand({ modelId: benchModel, messages, inferenceConfig: { maxTokens } }),
  );
  for await (const event of response.stream ?? []) {
    if (Number.isNaN(first) && event.contentBlockDelta?.delta?.text) first = performance.now() - start;
  }
  return [first, performance.now() - start];
}

async function langchainStream(model: ChatModelLike): Promise<[number, number]> {
  const start = performance.now();
  let first = Number.NaN;
  for await (const chunk of await model.stream(prompt)) {
    if (Number.isNaN(first) && typeof chunk.content === "string" && chunk.content.length > 0) {
      first = performance.now() - start;
    }
  }
  return [first, performance.now() - start];
}

async function measureInvoke(context: BenchmarkContext, emulator: RemoteEmulator, models: Contenders) {
  const { rounds, calls } = bySize(context.mode, {
    quick: { rounds: 2, calls: 25 },
    full: { rounds: 10, calls: 200 },
  });
  // Client CPU per call as well: this process runs only the client (the emulator has its own), so CPU time is
  // the client's own cost, which other processes on the machine cannot inflate.
  const cpu: Record<"ours" | "raw", number[]> = { ours: [], raw: [] };
  const batch = (call: () => Promise<unknown>, name?: keyof typeof cpu) => async () => {
    await emulator.script("*", scriptedAnswers(calls, 20));
    const before = process.cpuUsage();
    const ms = await msPerCall(calls, call);
    const used = process.cpuUsage(before);
    if (name) cpu[name].push((used.user + used.system) / 1000 / calls);
    return ms;
  };
  const samples = await interleave({
    contenders: {
      ours: batch(() => models.ours.invoke(prompt), "ours"),
      converse: batch(() => models.converse.invoke(prompt)),
      raw: batch(() => rawInvoke(models.raw), "raw"),
      aiSdk: batch(() => models.aiSdk()),
    },
    warmupRounds: 1,
    rounds,
    signal: context.signal,
  });
  const ours = summarize(samples.ours);
  const note = `${rounds} rounds x ${calls} sequential calls each, 20-token answers`;
  context.record(measuredEntry(invokeRaw, { ours, anchor: summarize(samples.raw), note }));
  context.record(measuredEntry(invokeLc, { ours, anchor: summarize(samples.converse), note }));
  context.record(
    measuredEntry(invokeAi, {
      ours,
      anchor: summarize(samples.aiSdk),
      note: `${note}; the AI SDK speaks HTTP/1.1 (fetch), the others HTTP/2`,
    }),
  );
  context.record(
    measuredEntry(invokeCpu, {
      ours: summarize(cpu.ours.slice(1)),
      anchor: summarize(cpu.raw.slice(1)),
      note: `${note}; CPU time of the client process per call (the emulator runs in another process)`,
    }),
  );
}

async function measureStream(context: BenchmarkContext, emulator: RemoteEmulator, models: Contenders) {
  const { rounds, calls } = bySize(context.mode, {
    quick: { rounds: 2, calls: 4 },
    full: { rounds: 10, calls: 50 },
  });
  const first: Record<"ours" | "converse" | "raw", number[]> = { ours: [], converse: [], raw: [] };
  const batch = (name: keyof typeof first, call: () => Promise<[number, number]>) => async () => {
    await emulator.script("*", scriptedAnswers(calls, 500));
    let firstSum = 0;
    let totalSum = 0;
    for (let index = 0; index < calls; index++) {
      const [firstMs, totalMs] = await call();
      firstSum += firstMs;
      totalSum += totalMs;
    }
    first[name].push(firstSum / calls);
    return totalSum / calls;
  };
  const totals = await interleave({
    contenders: {
      ours: batch("ours", () => langchainStream(models.ours)),
      converse: batch("converse", () => langchainStream(models.converse)),
      raw: batch("raw", () => rawStream(models.raw)),
    },
    warmupRounds: 1,
    rounds,
    signal: context.signal,
  });
  // interleave keeps warm-up rounds out of `totals`; drop them from the first-chunk samples the same way.
  const firsts = (name: keyof typeof first) => summarize(first[name].slice(1));
  const note = `${rounds} rounds x ${calls} streams each, one scripted 500-token answer per stream`;
  context.record(measuredEntry(firstRaw, { ours: firsts("ours"), anchor: firsts("raw"), note }));
  context.record(
    measuredEntry(totalRaw, { ours: summarize(totals.ours), anchor: summarize(totals.raw), note }),
  );
  context.record(measuredEntry(firstLc, { ours: firsts("ours"), anchor: firsts("converse"), note }));
  context.record(
    measuredEntry(totalLc, { ours: summarize(totals.ours), anchor: summarize(totals.converse), note }),
  );
}

async function measureConcurrency(context: BenchmarkContext, emulator: RemoteEmulator, models: Contenders) {
  const { rounds, warmupRounds } = bySize(context.mode, {
    quick: { rounds: 1, warmupRounds: 0 },
    full: { rounds: 6, warmupRounds: 1 },
  });
  const percentiles: Record<"ours" | "raw", { p50: number[]; p99: number[] }> = {
    ours: { p50: [], p99: [] },
    raw: { p50: [], p99: [] },
  };
  const burst = (name: keyof typeof percentiles, call: () => Promise<unknown>) => async () => {
    await emulator.script("*", scriptedAnswers(200, 20));
    const latencies = await concurrentLatencies(200, call);
    percentiles[name].p50.push(quantile(latencies, 0.5));
    percentiles[name].p99.push(quantile(latencies, 0.99));
    return 0;
  };
  await interleave({
    contenders: {
      ours: burst("ours", () => models.ours.invoke(prompt)),
      raw: burst("raw", () => rawInvoke(models.raw)),
    },
    warmupRounds,
    rounds,
    signal: context.signal,
  });
  const measured = (name: keyof typeof percentiles, which: "p50" | "p99") =>
    summarize(percentiles[name][which].slice(warmupRounds));
  const note = `${rounds} bursts of 200 calls started at once; spread is across bursts`;
  context.record(measuredEntry(p50, { ours: measured("ours", "p50"), anchor: measured("raw", "p50"), note }));
  context.record(measuredEntry(p99, { ours: measured("ours", "p99"), anchor: measured("raw", "p99"), note }));
}

/** Benchmark 2: what ChatBedrockKey costs per call over the raw SDK and over @langchain/aws, on a zero-latency emulator. */
export const chatOverhead: Benchmark = {
  id: "chat-overhead",
  title: "ChatBedrockKey vs raw ConverseCommand vs ChatBedrockConverse (zero-latency emulator)",
  specs: [invokeRaw, invokeLc, invokeAi, invokeCpu, firstRaw, totalRaw, firstLc, totalLc, p50, p99],
  budgetSeconds: { quick: 10, full: 120 },
  async run(context) {
    const api = await loadApi<LangchainApi>("@bedrock-keys/langchain", ["ChatBedrockKey"]);
    await withRemoteEmulator(
      {},
      async (emulator) => {
        const models = await contenders(api, emulator);
        await section(context, [invokeRaw, invokeLc, invokeAi, invokeCpu], () =>
          measureInvoke(context, emulator, models),
        );
        await section(context, [firstRaw, totalRaw, firstLc, totalLc], () =>
          measureStream(context, emulator, models),
        );
        await section(context, [p50, p99], () => measureConcurrency(context, emulator, models));
        for (const client of models.clients) client.destroy();
      },
      context.signal,
    );
  },
};
