import { getToken, getTokenProvider } from "@aws/bedrock-token-generator";
import { measuredEntry, spec } from "../harness/entries.js";
import { interleave, opsPerSecond, opsPerSecondSync } from "../harness/interleave.js";
import { section } from "../harness/section.js";
import { single, summarize } from "../harness/stats.js";
import type { Benchmark, BenchmarkContext } from "../harness/types.js";
import type { AwsCredentialsLike, CredentialsApi } from "../support/contracts.js";
import { benchRegion, fakeCredentials, fakeLongTermKey } from "../support/fixtures.js";
import { loadApi } from "../support/load-api.js";
import { bySize } from "../support/sizes.js";

const group = "1 key handling";
const parseLong = spec(group, "parseBedrockApiKey, long-term key", "ops/s", "higher");
const parseShort = spec(group, "parseBedrockApiKey, short-term key", "ops/s", "higher");
const mint = spec(group, "mintShortTermKey", "ops/s", "higher", {
  anchorName: "getToken",
  target: { metric: "ratio", op: ">=", value: 1 },
});
const mintsPer10k = spec(group, "mints per 10,000 token requests (refreshing provider)", "mints", "lower", {
  anchorName: "getTokenProvider",
  target: { metric: "ours", op: "==", value: 1 },
});

async function measureParse(context: BenchmarkContext, api: CredentialsApi): Promise<void> {
  const shortTermKey = await getToken({ credentials: fakeCredentials, region: benchRegion });
  const { rounds, ops } = bySize(context.mode, {
    quick: { rounds: 3, ops: 2_000 },
    full: { rounds: 10, ops: 10_000 },
  });
  const samples = await interleave({
    contenders: {
      long: async () => opsPerSecondSync(ops, () => api.parseBedrockApiKey(fakeLongTermKey)),
      short: async () => opsPerSecondSync(ops, () => api.parseBedrockApiKey(shortTermKey)),
    },
    warmupRounds: 1,
    rounds,
    signal: context.signal,
  });
  context.record(measuredEntry(parseLong, { ours: summarize(samples.long) }));
  context.record(measuredEntry(parseShort, { ours: summarize(samples.short) }));
}

async function measureMint(context: BenchmarkContext, api: CredentialsApi): Promise<void> {
  const { rounds, ops } = bySize(context.mode, {
    quick: { rounds: 3, ops: 300 },
    full: { rounds: 10, ops: 1_000 },
  });
  const options = { credentials: fakeCredentials, region: benchRegion, expiresInSeconds: 43_200 };
  const samples = await interleave({
    contenders: {
      ours: () => opsPerSecond(ops, () => api.mintShortTermKey(options)),
      anchor: () => opsPerSecond(ops, () => getToken(options)),
    },
    warmupRounds: 1,
    rounds,
    signal: context.signal,
  });
  context.record(measuredEntry(mint, { ours: summarize(samples.ours), anchor: summarize(samples.anchor) }));
}

/**
 * 10,000 token requests, in bursts of 100 concurrent callers like a busy SDK client, against each provider.
 * A mint signs with freshly resolved credentials, so the number of times the credentials provider is called is
 * the number of mints (for getTokenProvider, Smithy's signer resolves credentials on every presign).
 */
async function countMints(
  provide: (credentials: () => Promise<AwsCredentialsLike>) => () => Promise<unknown>,
) {
  let calls = 0;
  const credentials = async () => {
    calls++;
    return fakeCredentials;
  };
  const provider = provide(credentials);
  for (let burst = 0; burst < 100; burst++) await Promise.all(Array.from({ length: 100 }, () => provider()));
  return calls;
}

async function measureMintsPerRequests(context: BenchmarkContext, api: CredentialsApi): Promise<void> {
  const ours = await countMints((credentials) =>
    api.fromAwsCredentials({ credentials, region: benchRegion }),
  );
  context.signal.throwIfAborted();
  const anchor = await countMints((credentials) => getTokenProvider({ credentials, region: benchRegion }));
  context.record(
    measuredEntry(mintsPer10k, {
      ours: single(ours),
      anchor: single(anchor),
      note: "credential-provider calls during 10,000 token requests (100 bursts of 100 concurrent)",
    }),
  );
}

/** Benchmark 1: parsing, minting against the official generator, and how often the refreshing provider mints. */
export const keyHandling: Benchmark = {
  id: "key-handling",
  title: "parse, mint and refresh Bedrock API keys",
  specs: [parseLong, parseShort, mint, mintsPer10k],
  budgetSeconds: { quick: 5, full: 30 },
  async run(context) {
    const load = (name: keyof CredentialsApi) => loadApi<CredentialsApi>("@bedrock-keys/credentials", [name]);
    await section(context, [parseLong, parseShort], async () =>
      measureParse(context, await load("parseBedrockApiKey")),
    );
    await section(context, [mint], async () => measureMint(context, await load("mintShortTermKey")));
    await section(context, [mintsPer10k], async () =>
      measureMintsPerRequests(context, await load("fromAwsCredentials")),
    );
  },
};
