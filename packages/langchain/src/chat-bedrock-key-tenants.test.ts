import { inspect } from "node:util";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { fingerprintKey, MissingApiKeyError, parseBedrockApiKey } from "@bedrock-keys/credentials";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { HumanMessage } from "@langchain/core/messages";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAIKU, startTestEmulator } from "./__fixtures__/emulator-model.js";
import { ChatBedrockKey } from "./chat-bedrock-key.js";

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});

/** Records every callback event verbatim, to scan for key material. */
class RecordingHandler extends BaseCallbackHandler {
  name = "recording";
  events: unknown[] = [];
  override async handleChatModelStart(...args: unknown[]) {
    this.events.push(["chat_model_start", ...args]);
  }
  override async handleLLMEnd(...args: unknown[]) {
    this.events.push(["llm_end", ...args]);
  }
  override async handleLLMError(...args: unknown[]) {
    this.events.push(["llm_error", ...args]);
  }
  override async handleChainStart(...args: unknown[]) {
    this.events.push(["chain_start", ...args]);
  }
  override async handleLLMNewToken(...args: unknown[]) {
    this.events.push(["token", ...args]);
  }
}

function secretParts(key: string): string[] {
  const decoded = Buffer.from(key.slice(4), "base64").toString("utf8");
  return [key, key.slice(4, 40), decoded.split(":")[1] ?? decoded];
}

describe("ChatBedrockKey multi-tenant auth", () => {
  it("serves 50 tenants concurrently, each request with its own key", async () => {
    const tenants = Array.from({ length: 50 }, (_, index) =>
      harness.emulator.keys.issueLongTermKey({ userName: `tenant-${index}` }),
    );
    const model = harness.model({ apiKey: undefined, maxClients: 16 });
    harness.emulator.clearAudit();
    const replies = await Promise.all(
      tenants.map((apiKey, index) =>
        model.invoke(`Hello from tenant ${index}`, { configurable: { apiKey }, metadata: { tenant: index } }),
      ),
    );
    expect(replies).toHaveLength(50);
    const byRequestId = new Map(
      harness.emulator.audit().map((entry) => [entry.requestId, entry.fingerprint]),
    );
    replies.forEach((reply, index) => {
      expect(byRequestId.get(String(reply.response_metadata.requestId))).toBe(
        fingerprintKey(tenants[index] ?? ""),
      );
    });
    expect(new Set(harness.emulator.audit().map((entry) => entry.fingerprint)).size).toBe(50);
  });

  it("takes a per-call tokenProvider and a BedrockApiKey object", async () => {
    const tenantKey = harness.emulator.keys.issueLongTermKey({ userName: "provider-tenant" });
    const model = harness.model();
    await model.invoke("hi", { configurable: { tokenProvider: async () => ({ token: tenantKey }) } });
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(tenantKey));
    await model.invoke("hi", { configurable: { apiKey: parseBedrockApiKey(tenantKey) } });
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(tenantKey));
  });

  it("applies precedence: per-call key > constructor key > AWS_BEARER_TOKEN_BEDROCK, and never writes env", async () => {
    const envKey = harness.emulator.keys.issueLongTermKey({ userName: "env" });
    const constructorKey = harness.emulator.keys.issueLongTermKey({ userName: "ctor" });
    const callKey = harness.emulator.keys.issueLongTermKey({ userName: "call" });
    const env = { AWS_BEARER_TOKEN_BEDROCK: envKey };
    const snapshot = JSON.stringify(process.env);

    await harness.model({ apiKey: undefined, env }).invoke("hi");
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(envKey));
    await harness.model({ apiKey: constructorKey, env }).invoke("hi");
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(constructorKey));
    await harness.model({ apiKey: constructorKey, env }).invoke("hi", { configurable: { apiKey: callKey } });
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(callKey));

    expect(JSON.stringify(process.env)).toBe(snapshot);
    expect(env).toEqual({ AWS_BEARER_TOKEN_BEDROCK: envKey });
  });

  it("throws MissingApiKeyError when no key is anywhere", async () => {
    const error = await harness
      .model({ apiKey: undefined, env: { AWS_BEARER_TOKEN_BEDROCK: "  " } })
      .invoke("hi")
      .catch((caught: unknown) => caught);
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
  });

  it("needs no region or network at construction with an injected client, and uses that client", async () => {
    const client = new BedrockRuntimeClient({
      region: harness.emulator.region,
      endpoint: harness.emulator.url,
      token: { token: harness.key },
      authSchemePreference: ["httpBearerAuth"],
    });
    const model = new ChatBedrockKey({ model: HAIKU, client, env: {} });
    const reply = await model.invoke("hi");
    expect(String(reply.content).length).toBeGreaterThan(0);
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(harness.key));
    // An explicit key still wins over the injected client's own auth.
    const tenantKey = harness.emulator.keys.issueLongTermKey({ userName: "over-client" });
    const keyed = new ChatBedrockKey({
      model: HAIKU,
      client,
      endpoint: harness.emulator.url,
      region: "us-east-1",
      env: {},
    });
    await keyed.invoke("hi", { configurable: { apiKey: tenantKey } });
    expect(harness.emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(tenantKey));
    keyed.close();
    client.destroy();
  });

  it("never exposes key material in serialization, invocation params, callback events or errors", async () => {
    const canary = harness.emulator.keys.issueLongTermKey({ userName: "canary" });
    const callCanary = harness.emulator.keys.issueLongTermKey({ userName: "call-canary" });
    const model = harness.model({ apiKey: canary });
    const recorder = new RecordingHandler();
    const prompt = ChatPromptTemplate.fromMessages([["human", "Say {word}"]]);
    const chain = prompt.pipe(model).pipe(new StringOutputParser());
    await chain.invoke({ word: "hi" }, { callbacks: [recorder], configurable: { apiKey: callCanary } });
    for await (const _chunk of await model.stream("hi", {
      callbacks: [recorder],
      configurable: { apiKey: callCanary },
    })) {
      // drain
    }
    const revoked = harness.emulator.keys.issueLongTermKey({ userName: "revoked-canary" });
    harness.emulator.keys.revoke(revoked);
    const error = await model
      .invoke([new HumanMessage("hi")], { callbacks: [recorder], configurable: { apiKey: revoked } })
      .catch((caught: unknown) => caught);

    const serialized = JSON.stringify(model);
    const inspected = inspect(model, { depth: 8, showHidden: true });
    expect(JSON.stringify(model.toJSON())).toBe(serialized);
    expect(serialized).toContain('"AWS_BEARER_TOKEN_BEDROCK"');
    const haystacks = [
      serialized,
      inspected,
      JSON.stringify(model.invocationParams({} as never)),
      JSON.stringify(recorder.events),
      String(error),
      JSON.stringify(error),
      String((error as Error).stack),
      JSON.stringify((error as { cause?: unknown }).cause ?? null),
    ];
    expect(recorder.events.length).toBeGreaterThan(5);
    for (const key of [canary, callCanary, revoked]) {
      for (const part of secretParts(key)) {
        for (const haystack of haystacks) expect(haystack).not.toContain(part);
      }
    }
  });
});
