import { describe, expect, it } from "vitest";
import { HAIKU, SONNET_4 } from "./__fixtures__/requests.js";
import { simulateConverse } from "./simulate-converse.js";
import type { ModelRequest } from "./types.js";

const base = { modelId: HAIKU.modelId };

const cases: Array<[string, ModelRequest]> = [
  ["no messages", { ...base, messages: [] }],
  ["empty text", { ...base, messages: [{ role: "user", content: [{ text: "" }] }] }],
  [
    "only an image",
    {
      ...base,
      messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes: "AA" } } }] }],
    },
  ],
  ["huge text", { ...base, messages: [{ role: "user", content: [{ text: "word 1+2 ".repeat(50_000) }] }] }],
  [
    "a tool with an empty schema",
    {
      ...base,
      messages: [{ role: "user", content: [{ text: "go" }] }],
      toolConfig: { tools: [{ toolSpec: { name: "t", inputSchema: { json: {} } } }] },
    },
  ],
  [
    "a forced tool that does not exist",
    {
      ...base,
      messages: [{ role: "user", content: [{ text: "go" }] }],
      toolConfig: {
        tools: [{ toolSpec: { name: "t", inputSchema: { json: { type: "object" } } } }],
        toolChoice: { tool: { name: "nope" } },
      },
    },
  ],
  [
    "a tool result without content",
    {
      ...base,
      messages: [
        { role: "user", content: [{ text: "go" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "a", name: "t", input: {} } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "a", content: undefined as never } }] },
      ],
    },
  ],
  [
    "maxTokens 1 and empty stop sequences",
    {
      ...base,
      messages: [{ role: "user", content: [{ text: "hi there" }] }],
      inferenceConfig: { maxTokens: 1, stopSequences: [""] },
    },
  ],
  [
    "thinking with a tiny budget",
    {
      modelId: SONNET_4.modelId,
      messages: [{ role: "user", content: [{ text: "why" }] }],
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1 } },
      inferenceConfig: { maxTokens: 3 },
    },
  ],
  [
    "a schema with a broken $ref and a bad pattern",
    {
      ...base,
      messages: [{ role: "user", content: [{ text: "go" }] }],
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: "t",
              inputSchema: {
                json: {
                  type: "object",
                  properties: { a: { $ref: "#/$defs/missing" }, b: { type: "string", pattern: "([" } },
                  required: ["a", "b"],
                },
              },
            },
          },
        ],
      },
    },
  ],
];

describe("simulateConverse: edge cases", () => {
  it.each(cases)("answers without throwing: %s", (_name, request) => {
    const model = request.modelId === SONNET_4.modelId ? SONNET_4 : HAIKU;
    const output = simulateConverse(request, { seed: 1, model });
    expect(output.usage.totalTokens).toBeGreaterThanOrEqual(output.usage.outputTokens);
    expect(output.usage.outputTokens).toBeLessThanOrEqual(
      request.inferenceConfig?.maxTokens ?? Number.POSITIVE_INFINITY,
    );
    for (const block of output.content) {
      if ("toolUse" in block) expect(typeof block.toolUse.input).toBe("object");
    }
  });
});
