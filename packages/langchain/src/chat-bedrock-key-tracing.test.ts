import { parseBedrockApiKey } from "@bedrock-keys/credentials";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "./__fixtures__/emulator-model.js";

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});

describe("ChatBedrockKey under a LangSmith tracer", () => {
  it("sends no key material to LangSmith when per-call keys are BedrockApiKey objects", async () => {
    const payloads: unknown[] = [];
    const client = {
      createRun: async (run: unknown) => void payloads.push(run),
      updateRun: async (_id: string, run: unknown) => void payloads.push(run),
    };
    const tracer = new LangChainTracer({ client: client as never, projectName: "canary" });
    const canary = harness.emulator.keys.issueLongTermKey({ userName: "traced-tenant" });
    const chain = ChatPromptTemplate.fromMessages([["human", "Say {word}"]])
      .pipe(harness.model({ apiKey: undefined }))
      .pipe(new StringOutputParser());
    const answer = await chain.invoke(
      { word: "hi" },
      { callbacks: [tracer], configurable: { apiKey: parseBedrockApiKey(canary), tenant: "acme" } },
    );
    expect(answer.length).toBeGreaterThan(0);
    expect(payloads.length).toBeGreaterThan(2);
    const traced = JSON.stringify(payloads);
    expect(traced).toContain("acme");
    const secret = Buffer.from(canary.slice(4), "base64").toString("utf8").split(":")[1] ?? "";
    for (const part of [canary, canary.slice(4, 40), secret]) expect(traced).not.toContain(part);
  });

  it("sends no key material to LangSmith when a per-call string key is passed as configurable.api_key", async () => {
    const payloads: unknown[] = [];
    const client = {
      createRun: async (run: unknown) => void payloads.push(run),
      updateRun: async (_id: string, run: unknown) => void payloads.push(run),
    };
    const tracer = new LangChainTracer({ client: client as never, projectName: "canary" });
    const canary = harness.emulator.keys.issueLongTermKey({ userName: "traced-string-tenant" });
    const chain = ChatPromptTemplate.fromMessages([["human", "Say {word}"]])
      .pipe(harness.model({ apiKey: undefined }))
      .pipe(new StringOutputParser());
    await chain.invoke(
      { word: "hi" },
      { callbacks: [tracer], configurable: { api_key: canary, tenant: "acme" } },
    );
    const audited = harness.emulator.audit().at(-1);
    expect(audited?.fingerprint).toBe(parseBedrockApiKey(canary).fingerprint);
    const traced = JSON.stringify(payloads);
    expect(traced).toContain("acme");
    const secret = Buffer.from(canary.slice(4), "base64").toString("utf8").split(":")[1] ?? "";
    for (const part of [canary, canary.slice(4, 40), secret]) expect(traced).not.toContain(part);
  });
});
