import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Agent,
  Cassette,
  createMarketAgents,
  createMarketState,
  marketWorld,
  RateLimiterRegistry,
  RolePlaying,
  Simulation,
  Transcript,
  Workforce,
} from "@bedrock-keys/agents";
import {
  chainProviders,
  createBedrockRuntimeClient,
  fromApiKey,
  fromAwsCredentials,
  fromEnv,
  fromKeyStore,
  type KeyStore,
  MasterKey,
  MemoryKeyStore,
  onboardKey,
  parseBedrockApiKey,
  sealSecret,
} from "@bedrock-keys/credentials";
import { SqliteKeyStore } from "@bedrock-keys/credentials/stores/sqlite";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CanaryKey, exposeAll, findLeaks, issueCanaryKeys } from "./__fixtures__/canary.js";

const MODEL = "amazon.nova-lite-v1:0";

let emulator: Emulator;
let canaries: Awaited<ReturnType<typeof issueCanaryKeys>>;
let directory: string;
let silent: Server;
let silentUrl: string;
const silentSockets: Socket[] = [];
/** Everything shown by any public object or error, labelled so a leak names its source. */
const shown: Array<{ label: string; text: string }> = [];

const show = (label: string, value: unknown): void => void shown.push({ label, text: exposeAll(value) });
const failure = async (label: string, action: () => unknown): Promise<unknown> => {
  try {
    await action();
  } catch (error) {
    show(label, error);
    return error;
  }
  throw new Error(`${label}: expected a failure`);
};

beforeAll(async () => {
  emulator = await startEmulator();
  canaries = await issueCanaryKeys(emulator);
  directory = await mkdtemp(join(tmpdir(), "bedrock-keys-security-"));
  // A server that accepts connections and never answers: onboarding must give up at its timeout.
  silent = createServer((socket) => void silentSockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  silentUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await emulator.close();
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await rm(directory, { recursive: true, force: true });
});

/** Denies the canary at the provider (403) while `action` runs, then allows it again. */
async function whileDenied<T>(canary: CanaryKey, action: () => Promise<T>): Promise<T> {
  const deny = (denied: boolean) =>
    canary.kind === "long-term"
      ? emulator.keys.setStatus(canary.key, denied ? "Inactive" : "Active")
      : emulator.keys.addIamCredentials({ ...emulator.keys.testCredentials, deniedByPolicy: denied });
  deny(true);
  try {
    return await action();
  } finally {
    deny(false);
  }
}

async function credentialsObjects(canary: CanaryKey, store: KeyStore, name: string): Promise<void> {
  const key = parseBedrockApiKey(canary.key);
  show(`${name} BedrockApiKey`, key);
  show(`${name} BedrockApiKey spread`, { ...key });
  show(`${name} BedrockApiKey structuredClone`, structuredClone(key));
  for (const [label, provider] of [
    ["fromApiKey", fromApiKey(canary.key)],
    ["fromEnv", fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: canary.key } })],
    ["chainProviders", chainProviders(fromEnv({ env: {} }), fromApiKey(key))],
    [
      "fromAwsCredentials",
      fromAwsCredentials({ credentials: emulator.keys.testCredentials, region: "us-east-1" }),
    ],
  ] as const) {
    show(`${name} ${label} provider`, provider);
  }
  show(
    `${name} client`,
    createBedrockRuntimeClient({ apiKey: canary.key, endpoint: emulator.url, region: "us-east-1", env: {} }),
  );

  // Onboarding: the report, a refusal (403), a timeout, and bad pastes with a real-looking key in them.
  const target = { endpoint: emulator.url, region: "us-east-1", env: {} };
  show(
    `${name} onboarding report`,
    await onboardKey({ tenantId: name, pasted: canary.key, store, ...target }),
  );
  await whileDenied(canary, () =>
    failure(`${name} onboarding 403`, () =>
      onboardKey({ tenantId: `${name}-denied`, pasted: canary.key, store, ...target }),
    ),
  );
  await failure(`${name} onboarding timeout`, () =>
    onboardKey({
      tenantId: `${name}-slow`,
      pasted: canary.key,
      store,
      endpoint: silentUrl,
      region: "us-east-1",
      env: {},
      timeoutMs: 200,
    }),
  );
  const middle = Math.floor(canary.key.length / 2);
  for (const pasted of [
    canary.key.slice(0, -10),
    `${canary.key}!!`,
    `${canary.key.slice(0, middle)}é${canary.key.slice(middle + 1)}`,
    `${canary.key}${canary.key}`,
    `token=${canary.key}&x=1`,
  ]) {
    await failure(`${name} bad paste`, () => parseBedrockApiKey(pasted));
    await failure(`${name} onboarding bad paste`, () =>
      onboardKey({ tenantId: `${name}-bad`, pasted, store, ...target }),
    );
  }
  if (canary.kind === "short-term") {
    await failure(`${name} region mismatch`, () =>
      createBedrockRuntimeClient({ apiKey: canary.key, region: "eu-west-1", env: {} }),
    );
    await failure(`${name} expired`, () =>
      parseBedrockApiKey(canary.key, { now: new Date(Date.now() + 13 * 3600_000) }),
    );
    await failure(`${name} stored key expired`, () =>
      fromKeyStore(store, name, { now: () => new Date(Date.now() + 13 * 3600_000) })(),
    );
  }

  // The store's own view: records, the active key, a rotation, providers built on it.
  show(`${name} store`, store);
  show(`${name} store.get`, await store.get(name));
  show(`${name} store.list`, await store.list());
  show(`${name} fromKeyStore provider`, fromKeyStore(store, name));
  await failure(`${name} no key`, () => fromKeyStore(store, "nobody")());
}

describe("public objects and errors never show key material", () => {
  it("credentials: keys, providers, clients, stores, onboarding reports and every error with its causes", async () => {
    const memory = new MemoryKeyStore();
    const masterKey = MasterKey.generate();
    const sqlitePath = join(directory, "keys.db");
    const sqlite = new SqliteKeyStore({ path: sqlitePath, masterKey });
    try {
      await credentialsObjects(canaries.longTerm, memory, "long-term");
      await credentialsObjects(canaries.shortTerm, sqlite, "short-term");
      await onboardKey({
        tenantId: "long-term",
        pasted: canaries.longTerm.key,
        store: sqlite,
        endpoint: emulator.url,
        region: "us-east-1",
        env: {},
      });
      show("rotate", await sqlite.rotate("long-term", parseBedrockApiKey(canaries.shortTerm.key)));
      show("master key", masterKey);
      const sealed = sealSecret(masterKey, canaries.longTerm.key, { tenantId: "t", fingerprint: "f" });
      show("sealed envelope", [
        Buffer.from(sealed).toString("latin1"),
        Buffer.from(sealed).toString("base64"),
      ]);
      show("missing key", await failure("missing key", () => createBedrockRuntimeClient({ env: {} })));
    } finally {
      sqlite.close();
    }
    const files = await readdir(directory);
    expect(files).toContain("keys.db");
    for (const file of files)
      show(`file ${file}`, (await readFile(join(directory, file))).toString("latin1"));

    const leaking = shown
      .filter((entry) => findLeaks(entry.text, canaries.secrets).length > 0)
      .map((entry) => entry.label);
    expect(leaking).toEqual([]);
    const errors = shown.map((entry) => entry.text).join("\n");
    for (const code of [
      "ONBOARDING_VERIFICATION_FAILED",
      "TRUNCATED",
      "EXPIRED",
      "REGION_MISMATCH",
      "NO_ACTIVE_KEY",
    ])
      expect(errors).toContain(code);
  });

  it("agents: Agent, role-play / workforce / simulation events, transcripts and cassettes on disk, failed runs", async () => {
    const first = shown.length;
    const model = new ChatBedrockKey({
      model: MODEL,
      endpoint: emulator.url,
      region: "us-east-1",
      maxRetries: 0,
      maxTokens: 64,
      env: {},
    });
    const user = new Agent({ name: "trader", role: "Stock Trader", model, apiKey: canaries.longTerm.key });
    const assistant = new Agent({
      name: "programmer",
      role: "Python Programmer",
      model,
      apiKey: parseBedrockApiKey(canaries.shortTerm.key),
      stream: true,
    });
    show("agents", [user, assistant, JSON.stringify(user), JSON.stringify(assistant)]);
    const events: unknown[] = [];
    const transcriptPath = join(directory, "role-play.transcript.jsonl");
    const cassettePath = join(directory, "role-play.cassette.jsonl");
    const rateLimiters = new RateLimiterRegistry();
    const rolePlay = new RolePlaying({
      task: "Develop a trading bot",
      user,
      assistant,
      limits: { maxTurns: 2 },
      transcript: new Transcript(transcriptPath),
      cassette: Cassette.record(cassettePath),
      rateLimiters,
    });
    rolePlay.subscribe((event) => void events.push(event));
    show("role-play outcome", await rolePlay.run());

    // A failed run: the assistant's key is refused (403) mid-conversation.
    const refused = new RolePlaying({
      task: "Develop a trading bot",
      user,
      assistant,
      limits: { maxTurns: 2 },
      rateLimiters,
    });
    refused.subscribe((event) => void events.push(event));
    show("refused outcome", await whileDenied(canaries.shortTerm, () => refused.run()));

    // A workforce whose worker fails (400, then 429 / 500 absorbed), and a small simulation on both keys.
    const workerModel = "meta.llama3-1-8b-instruct-v1:0";
    emulator.script(workerModel, [
      { error: "validation" },
      { error: "throttling" },
      { error: "internalServer" },
    ]);
    const worker = new Agent({
      name: "analyst",
      model: new ChatBedrockKey({
        model: workerModel,
        endpoint: emulator.url,
        region: "us-east-1",
        maxRetries: 0,
        maxTokens: 64,
        env: {},
      }),
      apiKey: parseBedrockApiKey(canaries.shortTerm.key),
    });
    const workforce = new Workforce({
      task: "Write a one-line market note",
      coordinator: user,
      workers: [worker],
      structuredOutput: false,
      maxRetries: 2,
      rateLimiters,
    });
    workforce.subscribe((event) => void events.push(event));
    show("workforce outcome", await workforce.run());
    const traders = createMarketAgents(2).map((agent, index) => ({
      ...agent,
      apiKey: index === 0 ? canaries.longTerm.key : parseBedrockApiKey(canaries.shortTerm.key),
    }));
    const simulation = new Simulation({
      world: marketWorld,
      agents: traders,
      initialState: createMarketState(2),
      ticks: 1,
      model,
      rateLimiters,
    });
    simulation.subscribe((event) => void events.push(event));
    show("simulation outcome", await simulation.run());
    show("events", events);
    show("rate limiters", rateLimiters.entries());
    show("transcript file", await readFile(transcriptPath, "utf8"));
    show("cassette file", await readFile(cassettePath, "utf8"));
    show("emulator audit", emulator.audit());
    model.close();

    const types = new Set(events.map((event) => (event as { type: string }).type));
    for (const type of [
      "run-start",
      "message",
      "usage",
      "token",
      "task-failed",
      "throttled",
      "error",
      "run-end",
    ])
      expect(types).toContain(type);
    const leaking = shown
      .slice(first)
      .filter((entry) => findLeaks(entry.text, canaries.secrets).length > 0)
      .map((entry) => entry.label);
    expect(leaking).toEqual([]);
  });
});
