import {
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseStreamOutput,
  type Message,
  ModelStreamErrorException,
  ThrottlingException,
  type Tool,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, HAIKU, NOVA } from "../__fixtures__/bearer-client.js";
import type { Emulator } from "../emulator.js";
import { startEmulator } from "../start-emulator.js";

const WEATHER_TOOL: Tool = {
  toolSpec: {
    name: "get_weather",
    description: "Get the current weather for a city",
    inputSchema: {
      json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
  },
};

async function collect(stream: AsyncIterable<ConverseStreamOutput> | undefined) {
  const events: ConverseStreamOutput[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

describe("ConverseStream tool use and mid-stream exceptions", () => {
  let emulator: Emulator;
  let client: ReturnType<typeof bearerClient>;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = bearerClient(emulator, emulator.keys.issueLongTermKey());
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it("streams a tool call as contentBlockStart plus JSON input fragments that parse to the input", async () => {
    emulator.script(HAIKU, [
      { toolCalls: [{ name: "get_weather", input: { city: "Paris", unit: "celsius" } }] },
    ]);
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: HAIKU,
        messages: [{ role: "user", content: [{ text: "What is the weather in Paris?" }] }],
        toolConfig: { tools: [WEATHER_TOOL] },
      }),
    );
    const events = await collect(response.stream);
    const start = events.find((event) => event.contentBlockStart)?.contentBlockStart;
    expect(start?.start?.toolUse?.name).toBe("get_weather");
    expect(start?.start?.toolUse?.toolUseId).toMatch(/^tooluse_/);
    const fragments = events.flatMap((event) => event.contentBlockDelta?.delta?.toolUse?.input ?? []);
    expect(fragments.length).toBeGreaterThan(1);
    expect(JSON.parse(fragments.join(""))).toEqual({ city: "Paris", unit: "celsius" });
    expect(events.find((event) => event.messageStop)?.messageStop?.stopReason).toBe("tool_use");
    expect(emulator.audit().at(-1)).toMatchObject({ operation: "ConverseStream", scripted: true });
  });

  it("lets the simulated model call a tool and then answer from the tool result (a full round trip)", async () => {
    const messages: Message[] = [
      { role: "user", content: [{ text: "What is the weather in Lisbon today?" }] },
    ];
    const first = await client.send(
      new ConverseCommand({ modelId: NOVA, messages, toolConfig: { tools: [WEATHER_TOOL] } }),
    );
    expect(first.stopReason).toBe("tool_use");
    const toolUse = first.output?.message?.content?.find((block) => block.toolUse)?.toolUse;
    expect(toolUse?.name).toBe("get_weather");
    expect(typeof (toolUse?.input as { city?: unknown } | undefined)?.city).toBe("string");
    messages.push(first.output!.message!);
    messages.push({
      role: "user",
      content: [
        {
          toolResult: {
            toolUseId: toolUse!.toolUseId!,
            content: [{ json: { temperature: 21, sky: "sunny" } }],
          },
        },
      ],
    });
    const second = await client.send(
      new ConverseCommand({ modelId: NOVA, messages, toolConfig: { tools: [WEATHER_TOOL] } }),
    );
    expect(second.stopReason).toBe("end_turn");
    expect(second.output?.message?.content?.[0]?.text).toBeTruthy();
  });

  it("surfaces an injected mid-stream error as a ModelStreamErrorException after some deltas", async () => {
    emulator.faults.set({ sequence: ["midStreamError"] });
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: HAIKU,
        messages: [
          { role: "user", content: [{ text: "Write a long paragraph about the history of tea in China" }] },
        ],
      }),
    );
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const event of response.stream ?? []) seen.push(event);
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(seen.filter((event) => event.contentBlockDelta).length).toBeGreaterThan(0);
    expect(seen.some((event) => event.messageStop)).toBe(false);
    expect(emulator.audit().at(-1)).toMatchObject({
      status: 200,
      errorType: "modelStreamErrorException",
      inputTokens: 0,
      outputTokens: 0,
    });
  });

  it("surfaces a scripted mid-stream throttling as a ThrottlingException", async () => {
    emulator.script("*", [{ error: "throttling", midStream: true }]);
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: HAIKU,
        messages: [{ role: "user", content: [{ text: "Hello" }] }],
      }),
    );
    await expect(collect(response.stream)).rejects.toBeInstanceOf(ThrottlingException);
  });

  it("returns reasoning deltas with a signature when thinking is enabled", async () => {
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        messages: [{ role: "user", content: [{ text: "Why is the sky blue?" }] }],
        inferenceConfig: { maxTokens: 4000 },
        additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
      }),
    );
    const events = await collect(response.stream);
    const reasoning = events.flatMap((event) => event.contentBlockDelta?.delta?.reasoningContent ?? []);
    expect(reasoning.some((delta) => typeof delta.text === "string")).toBe(true);
    expect(reasoning.some((delta) => typeof delta.signature === "string")).toBe(true);
  });
});
