import { measuredEntry, spec } from "../harness/entries.js";
import { interleave } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext } from "../harness/types.js";
import { scriptedAnswers } from "../support/answers.js";
import type { ChatModelLike, LangchainApi } from "../support/contracts.js";
import { benchModel } from "../support/fixtures.js";
import { loadApi } from "../support/load-api.js";
import { type RemoteEmulator, withRemoteEmulator } from "../support/remote-emulator.js";
import { bySize } from "../support/sizes.js";

const group = "3 multi-tenant keys";
const perCallKeys = spec(group, "100 tenants x 20 calls, per-call keys", "ms/call", "lower", {
  anchorName: "one key",
  target: { metric: "ratio", op: "<=", value: 1.1 },
});

const perCallKeysSized = spec(
  group,
  "100 tenants x 20 calls, per-call keys, maxClients 128",
  "ms/call",
  "lower",
  {
    anchorName: "one key",
    target: { metric: "ratio", op: "<=", value: 1.1 },
  },
);

const prompt = "Summarize the tenant's request.";
const tenants = 100;

/** Every tenant runs its calls one after another, all tenants at once: wall time per call over the whole batch. */
async function wallPerCall(
  callsPerTenant: number,
  call: (tenant: number) => Promise<unknown>,
): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: tenants }, async (_, tenant) => {
      for (let index = 0; index < callsPerTenant; index++) await call(tenant);
    }),
  );
  return (performance.now() - start) / (tenants * callsPerTenant);
}

async function measure(
  context: BenchmarkContext,
  api: LangchainApi,
  emulator: RemoteEmulator,
): Promise<void> {
  const { rounds, calls } = bySize(context.mode, {
    quick: { rounds: 2, calls: 1 },
    full: { rounds: 6, calls: 20 },
  });
  const keys = await Promise.all(
    Array.from({ length: tenants }, (_, tenant) => emulator.issueLongTermKey(`bench-tenant-${tenant}`)),
  );
  const base = { model: benchModel, region: emulator.region, endpoint: emulator.url, maxTokens: 256 };
  // One shared model serving every tenant with a per-call key, against the same model on one constructor key.
  const shared: ChatModelLike = new api.ChatBedrockKey(base);
  // The same with an explicit pool of 128 (the default was 64 until it became 256; both rows now fit 100 tenants).
  const sized: ChatModelLike = new api.ChatBedrockKey({ ...base, maxClients: 128 });
  const single: ChatModelLike = new api.ChatBedrockKey({ ...base, apiKey: keys[0] });
  const batch = (callsPerTenant: number, call: (tenant: number) => Promise<unknown>) => async () => {
    await emulator.script("*", scriptedAnswers(tenants * callsPerTenant, 20));
    return wallPerCall(callsPerTenant, call);
  };
  const ours = (tenant: number) => shared.invoke(prompt, { configurable: { apiKey: keys[tenant] } });
  const oursSized = (tenant: number) => sized.invoke(prompt, { configurable: { apiKey: keys[tenant] } });
  const anchor = () => single.invoke(prompt);
  await emulator.clearAudit();
  // Warm-up: one call per tenant on each side, so both measure the steady state (clients cached per key).
  await batch(1, ours)();
  await batch(1, oursSized)();
  await batch(1, anchor)();
  const samples = await interleave({
    contenders: { ours: batch(calls, ours), sized: batch(calls, oursSized), anchor: batch(calls, anchor) },
    warmupRounds: 0,
    rounds,
    signal: context.signal,
  });
  const audit = await emulator.auditSummary();
  const note = `${rounds} rounds of ${tenants} tenants x ${calls} calls (tenants concurrent), after one warm-up call per tenant; the audit saw ${audit.fingerprints} distinct key fingerprints`;
  const anchorSummary = summarize(samples.anchor);
  context.record(
    measuredEntry(perCallKeys, {
      ours: summarize(samples.ours),
      anchor: anchorSummary,
      note: `default client pool; ${note}`,
    }),
  );
  context.record(
    measuredEntry(perCallKeysSized, { ours: summarize(samples.sized), anchor: anchorSummary, note }),
  );
}

/** Benchmark 3: one ChatBedrockKey serving 100 tenants' keys per call, against the same work on a single key. */
export const multiTenant: Benchmark = {
  id: "multi-tenant",
  title: "per-call tenant keys vs a single key (ChatBedrockKey)",
  specs: [perCallKeys, perCallKeysSized],
  budgetSeconds: { quick: 8, full: 120 },
  async run(context) {
    const api = await loadApi<LangchainApi>("@bedrock-keys/langchain", ["ChatBedrockKey"]);
    await withRemoteEmulator(
      {},
      (emulator) => section(context, [perCallKeys, perCallKeysSized], () => measure(context, api, emulator)),
      context.signal,
    );
  },
};
