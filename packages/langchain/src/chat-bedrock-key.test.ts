import { BedrockKeyRejectedError } from "@bedrock-keys/credentials";
import { startEmulator } from "@bedrock-keys/emulator";
import { AIMessage, type AIMessageChunk, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, usageOf } from "./__fixtures__/emulator-model.js";
import { ChatBedrockKey } from "./chat-bedrock-key.js";

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});

describe("ChatBedrockKey against the emulator", () => {
  it("invokes with text and reports usage and response metadata", async () => {
    const model = harness.model();
    const reply = await model.invoke([new SystemMessage("Be brief."), new HumanMessage("Say hello.")]);
    expect(typeof reply.content).toBe("string");
    expect((reply.content as string).length).toBeGreaterThan(0);
    expect(usageOf(reply)?.input_tokens).toBeGreaterThan(0);
    expect(usageOf(reply)?.output_tokens).toBeGreaterThan(0);
    expect(usageOf(reply)?.input_token_details).toEqual({ cache_read: 0, cache_creation: 0 });
    const entry = harness.emulator.audit().at(-1);
    expect(reply.response_metadata).toMatchObject({
      model: "anthropic.claude-3-5-haiku-20241022-v1:0",
      model_provider: "bedrock-converse",
      stopReason: "end_turn",
      requestId: entry?.requestId,
    });
    expect(reply.response_metadata.metrics).toBeDefined();
    expect(entry?.operation).toBe("Converse");
  });

  it("streams text chunks and ends with usage metadata", async () => {
    const model = harness.model();
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream("Tell me a short story.")) chunks.push(chunk);
    const textChunks = chunks.filter(
      (chunk) => typeof chunk.content === "string" && chunk.content.length > 0,
    );
    expect(textChunks.length).toBeGreaterThan(1);
    const last = chunks.at(-1);
    expect(usageOf(last)?.output_tokens).toBeGreaterThan(0);
    const total = chunks.reduce((sum, chunk) => sum.concat(chunk));
    expect(total.response_metadata).toMatchObject({
      model_provider: "bedrock-converse",
      stopReason: "end_turn",
    });
    expect(total.response_metadata.requestId).toBe(harness.emulator.audit().at(-1)?.requestId);
    expect(harness.emulator.audit().at(-1)?.operation).toBe("ConverseStream");
  });

  it("invoke uses ConverseStream when streaming: true and still returns usage", async () => {
    const reply = await harness.model({ streaming: true }).invoke("Hi there");
    expect(harness.emulator.audit().at(-1)?.operation).toBe("ConverseStream");
    expect(usageOf(reply)?.total_tokens).toBeGreaterThan(0);
  });

  it("batches several inputs", async () => {
    const replies = await harness.model().batch(["one", "two", "three"]);
    expect(replies).toHaveLength(3);
    for (const reply of replies) expect(String(reply.content).length).toBeGreaterThan(0);
  });

  it("holds a multi-turn conversation", async () => {
    const model = harness.model();
    const first = await model.invoke([new HumanMessage("My name is Ada.")]);
    const second = await model.invoke([
      new HumanMessage("My name is Ada."),
      first,
      new HumanMessage("What is my name?"),
    ]);
    expect(String(second.content).length).toBeGreaterThan(0);
  });

  it("streams events (v2) with start and end", async () => {
    const names: string[] = [];
    for await (const event of harness.model().streamEvents("Hello", { version: "v2" }))
      names.push(event.event);
    expect(names).toContain("on_chat_model_start");
    expect(names).toContain("on_chat_model_stream");
    expect(names).toContain("on_chat_model_end");
  });

  it("runs an LCEL chain prompt | model | parser", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You answer in one sentence."],
      ["human", "Explain {topic}."],
    ]);
    const chain = prompt.pipe(harness.model()).pipe(new StringOutputParser());
    const answer = await chain.invoke({ topic: "API keys" });
    expect(typeof answer).toBe("string");
    expect(answer.length).toBeGreaterThan(0);
  });

  it("stops an invoke promptly when the signal aborts", async () => {
    harness.emulator.faults.set({ sequence: ["slow"], slowMs: 5_000 });
    const controller = new AbortController();
    const pending = harness.model().invoke("Hello", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(pending).rejects.toThrow(/cancelled|abort/i);
    harness.emulator.faults.clear();
  });

  it("stops a stream promptly when the signal aborts mid-stream", async () => {
    const controller = new AbortController();
    const stream = await harness
      .model()
      .stream("Write a long detailed essay about keys.", { signal: controller.signal });
    let received = 0;
    const consume = async () => {
      for await (const _chunk of stream) {
        received += 1;
        if (received === 2) controller.abort(new Error("user cancelled"));
      }
    };
    await expect(consume()).rejects.toThrow(/cancelled|abort/i);
    expect(received).toBeLessThan(10);
  });

  it("stops a stream that is waiting for the next event when the signal aborts", async () => {
    // One token every 5 s: the abort lands while the client waits for the first text event, seconds away. Unless
    // the pending read is abandoned at once, the stream outlives this test's 4 s timeout and the test fails.
    const slow = await startEmulator({ latency: { tokensPerSecond: 0.2 } });
    try {
      const model = new ChatBedrockKey({
        model: "anthropic.claude-3-5-haiku-20241022-v1:0",
        apiKey: slow.keys.issueLongTermKey(),
        endpoint: slow.url,
        region: slow.region,
        env: {},
      });
      const controller = new AbortController();
      const stream = await model.stream("Write a long detailed essay about keys.", {
        signal: controller.signal,
      });
      const received: AIMessageChunk[] = [];
      const consume = async () => {
        for await (const chunk of stream) {
          // The first chunk (model, requestId) comes as soon as the stream opens; text is still seconds away.
          received.push(chunk);
          setTimeout(() => controller.abort(new Error("user cancelled")), 20);
        }
      };
      await expect(consume()).rejects.toThrow(/cancelled/);
      expect(received).toHaveLength(1);
      expect(typeof received[0]?.response_metadata.requestId).toBe("string");
      model.close();
    } finally {
      await slow.close();
    }
  }, 4_000);

  it("retries throttling in one layer: maxRetries + 1 requests, each a single SDK attempt", async () => {
    harness.emulator.clearAudit();
    harness.emulator.faults.set({ sequence: ["throttling", "throttling", null] });
    const reply = await harness.model({ maxRetries: 2 }).invoke("Hello");
    expect(String(reply.content).length).toBeGreaterThan(0);
    const entries = harness.emulator.audit();
    expect(entries.map((entry) => entry.status)).toEqual([429, 429, 200]);
    expect(entries.every((entry) => entry.attempt === 1)).toBe(true);

    harness.emulator.clearAudit();
    harness.emulator.faults.set({ sequence: ["throttling", "throttling", "throttling", "throttling"] });
    await expect(harness.model({ maxRetries: 1 }).invoke("Hello")).rejects.toMatchObject({
      name: "ThrottlingException",
    });
    expect(harness.emulator.audit()).toHaveLength(2);
    harness.emulator.faults.clear();
  });

  it("turns a rejected key into BedrockKeyRejectedError with a remediation, without retrying", async () => {
    const revoked = harness.emulator.keys.issueLongTermKey();
    harness.emulator.keys.revoke(revoked);
    harness.emulator.clearAudit();
    const error = await harness
      .model({ apiKey: revoked, maxRetries: 3 })
      .invoke("Hello")
      .catch((caught: unknown) => caught);
    expect(BedrockKeyRejectedError.isInstance(error)).toBe(true);
    expect((error as BedrockKeyRejectedError).remediation.length).toBeGreaterThan(0);
    expect(String((error as Error).message)).not.toContain(revoked);
    expect(harness.emulator.audit()).toHaveLength(1);
  });

  it("exposes LangSmith params, identifying params, llm type and a profile", () => {
    const model = harness.model({ temperature: 0.2, maxTokens: 256 });
    expect(model.getLsParams({ stop: ["END"] } as never)).toEqual({
      ls_provider: "amazon_bedrock",
      ls_model_name: "anthropic.claude-3-5-haiku-20241022-v1:0",
      ls_model_type: "chat",
      ls_temperature: 0.2,
      ls_max_tokens: 256,
      ls_stop: ["END"],
    });
    expect(model._llmType()).toBe("chat_bedrock_key");
    expect(model._identifyingParams()).toMatchObject({ model: "anthropic.claude-3-5-haiku-20241022-v1:0" });
    expect(model.profile).toMatchObject({
      toolCalling: true,
      toolChoice: true,
      structuredOutput: true,
      imageInputs: false,
    });
    expect(harness.model({ model: "us.anthropic.claude-sonnet-4-20250514-v1:0" }).profile).toMatchObject({
      imageInputs: true,
      pdfInputs: true,
      reasoningOutput: true,
    });
    expect(harness.model({ model: "meta.llama3-1-8b-instruct-v1:0" }).profile.toolChoice).toBe(false);
  });

  it("sends constructor performanceConfig and per-call stop sequences", async () => {
    const model = harness.model({ performanceConfig: { latency: "optimized" } });
    expect(model.invocationParams({ stop: ["STOP"] } as never)).toMatchObject({
      performanceConfig: { latency: "optimized" },
      inferenceConfig: { stopSequences: ["STOP"] },
    });
    const reply = await model.invoke(
      [new HumanMessage("hi"), new AIMessage("hello"), new HumanMessage("bye")],
      {
        stop: ["STOP"],
      },
    );
    expect(String(reply.content).length).toBeGreaterThan(0);
  });
});
