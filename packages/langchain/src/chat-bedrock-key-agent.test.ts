import type { BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { bedrockPromptCachingMiddleware, createAgent } from "langchain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { HAIKU, startTestEmulator } from "./__fixtures__/emulator-model.js";

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});

describe("ChatBedrockKey with createAgent (langchain v1)", () => {
  it("runs an agent with two tools through to an answer", async () => {
    const calls: string[] = [];
    const getWeather = tool(
      async ({ city }) => {
        calls.push(`weather:${city}`);
        return `18°C and sunny in ${city}`;
      },
      {
        name: "get_weather",
        description: "Current weather for a city",
        schema: z.object({ city: z.string() }),
      },
    );
    const getTime = tool(
      async ({ city }) => {
        calls.push(`time:${city}`);
        return `It is 14:05 in ${city}`;
      },
      { name: "get_local_time", description: "Local time in a city", schema: z.object({ city: z.string() }) },
    );
    harness.emulator.script(HAIKU, [
      { toolCalls: [{ name: "get_weather", input: { city: "Lisbon" } }] },
      { toolCalls: [{ name: "get_local_time", input: { city: "Lisbon" } }] },
      { text: "In Lisbon it is 14:05 and 18°C and sunny." },
    ]);
    const tenantKey = harness.emulator.keys.issueLongTermKey({ userName: "agent-tenant" });
    const agent = createAgent({ model: harness.model({ apiKey: undefined }), tools: [getWeather, getTime] });
    const result = await agent.invoke(
      { messages: [{ role: "user", content: "What's the weather and time in Lisbon?" }] },
      { configurable: { apiKey: tenantKey } },
    );
    expect(calls).toEqual(["weather:Lisbon", "time:Lisbon"]);
    const last = result.messages.at(-1);
    expect(String(last?.content)).toContain("14:05");
    const types = result.messages.map((message) => message.type);
    expect(types.filter((type) => type === "tool")).toHaveLength(2);
  });

  it("uses native structured output through the model profile", async () => {
    const agent = createAgent({
      model: harness.model(),
      tools: [],
      responseFormat: z.object({ city: z.string(), temperature: z.number() }),
    });
    const invocations: Array<Record<string, unknown>> = [];
    const result = await agent.invoke(
      { messages: [{ role: "user", content: "Lisbon is 18 degrees." }] },
      {
        callbacks: [
          {
            handleChatModelStart: (_llm, _messages, _runId, _parent, extra) =>
              void invocations.push(extra?.invocation_params as Record<string, unknown>),
          },
        ],
      },
    );
    // The profile says structuredOutput, so createAgent asked for native JSON schema output (outputConfig), not a tool.
    expect(invocations[0]?.outputConfig).toMatchObject({ textFormat: { type: "json_schema" } });
    expect(invocations[0]?.toolConfig).toBeUndefined();
    expect(typeof result.structuredResponse.city).toBe("string");
    expect(typeof result.structuredResponse.temperature).toBe("number");
  });
});

describe("ChatBedrockKey with LangChain's Bedrock prompt-caching middleware", () => {
  it("turns the middleware's cache_control into cache points (cache read on the second run)", async () => {
    const model = harness.model();
    // The middleware recognises Bedrock models by the name "ChatBedrockConverse" (it checks getName()).
    model.name = "ChatBedrockConverse";
    const usages: Array<Record<string, unknown> | undefined> = [];
    // Casts: langchain's middleware and agent types do not check under exactOptionalPropertyTypes.
    const middleware = (bedrockPromptCachingMiddleware as unknown as (options: { ttl: "5m" }) => unknown)({
      ttl: "5m",
    });
    const agent = createAgent({
      model,
      tools: [],
      systemPrompt: "You are a support agent for ACME. Policies: be polite, be precise. ".repeat(30),
      middleware: [middleware],
    } as never) as unknown as { invoke(input: unknown): Promise<{ messages: BaseMessage[] }> };
    for (let run = 0; run < 2; run++) {
      const result = await agent.invoke({ messages: [{ role: "user", content: "Where is my order?" }] });
      const last = result.messages.at(-1) as {
        usage_metadata?: { input_token_details?: Record<string, unknown> };
      };
      usages.push(last.usage_metadata?.input_token_details);
    }
    expect(Number(usages[0]?.cache_creation)).toBeGreaterThan(0);
    expect(Number(usages[1]?.cache_read)).toBeGreaterThan(0);
  });
});
