import { describe, expect, it } from "vitest";
import { HAIKU, SONNET_4 } from "./__fixtures__/requests.js";
import {
  fromAnthropicMessagesBody,
  toAnthropicMessagesResponse,
  toAnthropicStreamChunks,
} from "./anthropic-messages.js";
import { ModelInputError } from "./model-input-error.js";
import { simulateConverse } from "./simulate-converse.js";

const VERSION = "bedrock-2023-05-31";
const WEATHER = {
  name: "get_weather",
  description: "Get the current weather for a city",
  input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

function expectInputError(body: unknown, message: string | RegExp) {
  let caught: unknown;
  try {
    fromAnthropicMessagesBody(body, HAIKU.modelId);
  } catch (error) {
    caught = error;
  }
  expect(ModelInputError.isInstance(caught)).toBe(true);
  expect((caught as ModelInputError).code).toBe("MODEL_INPUT_INVALID");
  expect((caught as Error).message).toMatch(message);
}

describe("fromAnthropicMessagesBody", () => {
  it("maps every field of a Messages body onto the model request", () => {
    const request = fromAnthropicMessagesBody(
      {
        anthropic_version: VERSION,
        max_tokens: 300,
        system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: "Weather in Paris?" },
              { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "AAAA" } },
            ],
          },
          {
            role: "assistant",
            content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }],
          },
          {
            role: "user",
            content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "Sunny", is_error: false }],
          },
        ],
        tools: [WEATHER],
        tool_choice: { type: "tool", name: "get_weather" },
        temperature: 0.2,
        top_p: 0.9,
        top_k: 40,
        stop_sequences: ["END"],
        thinking: { type: "enabled", budget_tokens: 1024 },
      },
      HAIKU.modelId,
    );
    expect(request).toEqual({
      modelId: HAIKU.modelId,
      system: [{ text: "Be brief." }, { cachePoint: { type: "default" } }],
      messages: [
        {
          role: "user",
          content: [{ text: "Weather in Paris?" }, { image: { format: "jpeg", source: { bytes: "AAAA" } } }],
        },
        {
          role: "assistant",
          content: [{ toolUse: { toolUseId: "toolu_1", name: "get_weather", input: { city: "Paris" } } }],
        },
        {
          role: "user",
          content: [
            { toolResult: { toolUseId: "toolu_1", content: [{ text: "Sunny" }], status: "success" } },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 300, temperature: 0.2, topP: 0.9, stopSequences: ["END"] },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 }, top_k: 40 },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: "get_weather",
              description: WEATHER.description,
              inputSchema: { json: WEATHER.input_schema },
            },
          },
        ],
        toolChoice: { tool: { name: "get_weather" } },
      },
    });
  });

  it("accepts string content and string system prompts, and drops tools for tool_choice none", () => {
    const request = fromAnthropicMessagesBody(
      {
        anthropic_version: VERSION,
        max_tokens: 10,
        system: "Sys",
        messages: [{ role: "user", content: "Hi" }],
        tools: [WEATHER],
        tool_choice: { type: "none" },
      },
      HAIKU.modelId,
    );
    expect(request.system).toEqual([{ text: "Sys" }]);
    expect(request.messages).toEqual([{ role: "user", content: [{ text: "Hi" }] }]);
    expect(request.toolConfig).toBeUndefined();
  });

  it("rejects invalid bodies with Bedrock-worded messages", () => {
    expectInputError("nope", /^Malformed input request: #: expected type: JSONObject/);
    expectInputError(
      { max_tokens: 10, messages: [] },
      "Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.",
    );
    expectInputError({ anthropic_version: VERSION, messages: [] }, /required key \[max_tokens\] not found/);
    expectInputError(
      { anthropic_version: VERSION, max_tokens: 10, messages: [], prompt: "x" },
      /extraneous key \[prompt\] is not permitted/,
    );
    expectInputError(
      { anthropic_version: VERSION, max_tokens: "10", messages: [] },
      /#\/max_tokens: expected type: Integer, found: String/,
    );
    expectInputError(
      { anthropic_version: VERSION, max_tokens: 10, messages: [{ role: "system", content: "x" }] },
      /role/,
    );
    expectInputError(
      { anthropic_version: VERSION, max_tokens: 10, messages: [{ role: "assistant", content: "x" }] },
      /first message must use the "user" role/,
    );
    expectInputError(
      { anthropic_version: VERSION, max_tokens: 10, temperature: 3, messages: [] },
      /temperature/,
    );
    expectInputError(
      {
        anthropic_version: VERSION,
        max_tokens: 10,
        messages: [{ role: "user", content: [{ type: "audio" }] }],
      },
      /#\/messages\/0\/content\/0\/type/,
    );
  });
});

describe("toAnthropicMessagesResponse", () => {
  it("round-trips a Messages body through the model into a Messages response", () => {
    const body = {
      anthropic_version: VERSION,
      max_tokens: 200,
      messages: [{ role: "user", content: "Tell me about owls" }],
    };
    const request = fromAnthropicMessagesBody(body, HAIKU.modelId);
    const output = simulateConverse(request, { seed: 42, model: HAIKU });
    const response = toAnthropicMessagesResponse(output, HAIKU.modelId);
    expect(response).toMatchObject({
      type: "message",
      role: "assistant",
      model: "claude-3-5-haiku-20241022",
      stop_reason: "end_turn",
    });
    expect(response.id).toMatch(/^msg_bdrk_01[0-9A-Za-z]{22}$/);
    expect(response.content).toEqual([{ type: "text", text: (output.content[0] as { text: string }).text }]);
    expect(response.usage).toEqual({
      input_tokens: output.usage.inputTokens,
      output_tokens: output.usage.outputTokens,
    });
    expect(response.stop_sequence).toBeNull();
    expect(toAnthropicMessagesResponse(output, HAIKU.modelId)).toEqual(response);
  });

  it("returns tool_use blocks with Bedrock-style ids and stop_reason tool_use, then answers the tool_result", () => {
    const first = toAnthropicMessagesResponse(
      simulateConverse(
        fromAnthropicMessagesBody(
          {
            anthropic_version: VERSION,
            max_tokens: 200,
            tools: [WEATHER],
            messages: [{ role: "user", content: "Weather in Lima?" }],
          },
          HAIKU.modelId,
        ),
        { seed: 1, model: HAIKU },
      ),
      HAIKU.modelId,
    );
    expect(first.stop_reason).toBe("tool_use");
    const toolUse = first.content[0] as { type: string; id: string; name: string; input: unknown };
    expect(toolUse).toMatchObject({ type: "tool_use", name: "get_weather", input: { city: "Lima" } });
    expect(toolUse.id).toMatch(/^toolu_bdrk_01[0-9A-Za-z]{22}$/);
    const second = toAnthropicMessagesResponse(
      simulateConverse(
        fromAnthropicMessagesBody(
          {
            anthropic_version: VERSION,
            max_tokens: 200,
            tools: [WEATHER],
            messages: [
              { role: "user", content: "Weather in Lima?" },
              { role: "assistant", content: first.content },
              {
                role: "user",
                content: [
                  {
                    type: "tool_result",
                    tool_use_id: toolUse.id,
                    content: [{ type: "text", text: "22C cloudy" }],
                  },
                ],
              },
            ],
          },
          HAIKU.modelId,
        ),
        { seed: 1, model: HAIKU },
      ),
      HAIKU.modelId,
    );
    expect(second.stop_reason).toBe("end_turn");
    expect((second.content[0] as { text: string }).text).toContain("22C cloudy");
  });

  it("maps thinking, stop sequences and cache usage", () => {
    const request = fromAnthropicMessagesBody(
      {
        anthropic_version: VERSION,
        max_tokens: 500,
        thinking: { type: "enabled", budget_tokens: 1024 },
        system: [
          { type: "text", text: "Long shared context. ".repeat(20), cache_control: { type: "ephemeral" } },
        ],
        stop_sequences: ["."],
        messages: [{ role: "user", content: "Tell me about owls" }],
      },
      SONNET_4.modelId,
    );
    const response = toAnthropicMessagesResponse(
      simulateConverse(request, { seed: 3, model: SONNET_4 }),
      SONNET_4.modelId,
    );
    expect(response.content[0]).toMatchObject({ type: "thinking" });
    expect((response.content[0] as { signature: string }).signature.length).toBeGreaterThan(20);
    expect(response.stop_reason).toBe("stop_sequence");
    expect(response.stop_sequence).toBe(".");
    expect(response.usage.cache_creation_input_tokens).toBeGreaterThan(0);
    expect(response.usage.cache_read_input_tokens).toBe(0);
  });
});

describe("toAnthropicStreamChunks", () => {
  it("emits Anthropic's event order and deltas that reassemble the content", () => {
    const request = fromAnthropicMessagesBody(
      {
        anthropic_version: VERSION,
        max_tokens: 500,
        thinking: { type: "enabled", budget_tokens: 1024 },
        tools: [WEATHER],
        messages: [{ role: "user", content: "Weather in Quito?" }],
      },
      SONNET_4.modelId,
    );
    const output = simulateConverse(request, { seed: 5, model: SONNET_4 });
    const events = toAnthropicStreamChunks(output, {
      modelId: SONNET_4.modelId,
      invocationLatency: 12,
      firstByteLatency: 3,
    });
    const types = events.map((event) => event.type);
    expect(types[0]).toBe("message_start");
    expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
    expect(types.filter((type) => type === "content_block_start")).toHaveLength(2);
    const deltas = events.filter((event) => event.type === "content_block_delta") as Array<{
      index: number;
      delta: { type: string; thinking?: string; partial_json?: string; signature?: string };
    }>;
    const thinking = deltas
      .filter((event) => event.delta.type === "thinking_delta")
      .map((event) => event.delta.thinking)
      .join("");
    const json = deltas
      .filter((event) => event.delta.type === "input_json_delta")
      .map((event) => event.delta.partial_json)
      .join("");
    const reasoning = output.content[0] as {
      reasoningContent: { reasoningText: { text: string; signature: string } };
    };
    expect(thinking).toBe(reasoning.reasoningContent.reasoningText.text);
    expect(deltas.find((event) => event.delta.type === "signature_delta")?.delta.signature).toBe(
      reasoning.reasoningContent.reasoningText.signature,
    );
    expect(JSON.parse(json)).toEqual((output.content[1] as { toolUse: { input: unknown } }).toolUse.input);
    expect(events.at(-2)).toEqual({
      type: "message_delta",
      delta: { stop_reason: "tool_use", stop_sequence: null },
      usage: { output_tokens: output.usage.outputTokens },
    });
    expect(events.at(-1)).toEqual({
      type: "message_stop",
      "amazon-bedrock-invocationMetrics": {
        inputTokenCount: output.usage.inputTokens,
        outputTokenCount: output.usage.outputTokens,
        invocationLatency: 12,
        firstByteLatency: 3,
      },
    });
  });

  it("streams text as text_delta pieces", () => {
    const output = simulateConverse(
      fromAnthropicMessagesBody(
        {
          anthropic_version: VERSION,
          max_tokens: 200,
          messages: [{ role: "user", content: "Tell me about owls" }],
        },
        HAIKU.modelId,
      ),
      { seed: 42, model: HAIKU },
    );
    const events = toAnthropicStreamChunks(output, { modelId: HAIKU.modelId });
    const text = events
      .filter((event) => event.type === "content_block_delta")
      .map((event) => (event.delta as { type: string; text: string }).text)
      .join("");
    expect(text).toBe((output.content[0] as { text: string }).text);
    expect(events.filter((event) => event.type === "content_block_delta").length).toBeGreaterThan(3);
    expect(events[1]).toEqual({
      type: "content_block_start",
      index: 0,
      content_block: { type: "text", text: "" },
    });
  });
});
