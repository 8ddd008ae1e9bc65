import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import type { AIMessageChunk } from "@langchain/core/messages";
import type { ChatGenerationChunk } from "@langchain/core/outputs";
import { describe, expect, it } from "vitest";
import { mapStopReason } from "./map-stop-reason.js";
import { streamToChunks } from "./stream-to-chunks.js";

async function* from(events: ConverseStreamOutput[]) {
  for (const event of events) yield event;
}

async function collect(events: ConverseStreamOutput[]) {
  let total: ChatGenerationChunk | undefined;
  for await (const chunk of streamToChunks(from(events), { model: "m", requestId: "r-1" })) {
    total = total ? total.concat(chunk) : chunk;
  }
  return total?.message as AIMessageChunk;
}

describe("streamToChunks", () => {
  it("aggregates text, parallel tool calls, stop reason and usage with cache details", async () => {
    const message = await collect([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hel" } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "lo" } } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "a", name: "f" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"x":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: "1}" } } } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: "b", name: "g" } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: "{}" } } } },
      { messageStop: { stopReason: "tool_use" } },
      {
        metadata: {
          usage: { inputTokens: 5, outputTokens: 3, totalTokens: 12, cacheReadInputTokens: 4 },
          metrics: { latencyMs: 7 },
        },
      },
    ] as ConverseStreamOutput[]);
    expect(message.content).toBe("Hello");
    expect(message.tool_calls).toEqual([
      { id: "a", name: "f", args: { x: 1 }, type: "tool_call" },
      { id: "b", name: "g", args: {}, type: "tool_call" },
    ]);
    expect(message.response_metadata).toMatchObject({
      model: "m",
      model_provider: "bedrock-converse",
      requestId: "r-1",
      stopReason: "tool_use",
      finish_reason: "tool_calls",
      metrics: { latencyMs: 7 },
    });
    expect(message.usage_metadata).toMatchObject({
      input_tokens: 9,
      output_tokens: 3,
      total_tokens: 12,
      input_token_details: { cache_read: 4, cache_creation: 0 },
    });
  });

  it("keeps the reasoning signature when streaming", async () => {
    const message = await collect([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "Let me " } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "think." } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: "SIG" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: "42" } } },
    ] as ConverseStreamOutput[]);
    expect(message.content).toEqual([
      { type: "reasoning", reasoning: "Let me think.", signature: "SIG", index: 0 },
      { type: "text", text: "42", index: 1 },
    ]);
  });
});

describe("mapStopReason", () => {
  it("maps every Converse stop reason", () => {
    expect(mapStopReason("end_turn")).toBe("stop");
    expect(mapStopReason("stop_sequence")).toBe("stop");
    expect(mapStopReason("tool_use")).toBe("tool_calls");
    expect(mapStopReason("max_tokens")).toBe("length");
    expect(mapStopReason("model_context_window_exceeded")).toBe("length");
    expect(mapStopReason("guardrail_intervened")).toBe("content_filter");
    expect(mapStopReason("content_filtered")).toBe("content_filter");
    expect(mapStopReason("malformed_tool_use")).toBe("error");
  });
});
