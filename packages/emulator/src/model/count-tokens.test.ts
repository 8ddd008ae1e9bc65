import { describe, expect, it } from "vitest";
import { countRequestTokens, DOCUMENT_TOKENS, estimateTokens, IMAGE_TOKENS } from "./count-tokens.js";
import type { ModelRequest } from "./types.js";

describe("estimateTokens", () => {
  it("counts about 4 characters a token, at least 1 for non-empty text", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("a")).toBe(1);
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
    expect(estimateTokens("x".repeat(400))).toBe(100);
  });
});

describe("countRequestTokens", () => {
  it("sums messages, system prompt, tool specs, tool traffic and media", () => {
    const request: ModelRequest = {
      modelId: "amazon.nova-lite-v1:0",
      system: [{ text: "x".repeat(40) }, { cachePoint: { type: "default" } }],
      toolConfig: {
        tools: [
          {
            toolSpec: { name: "abcd", description: "y".repeat(8), inputSchema: { json: { type: "object" } } },
          },
        ],
      },
      messages: [
        {
          role: "user",
          content: [
            { text: "z".repeat(20) },
            { image: { format: "png", source: { bytes: "AAAA" } } },
            { document: { format: "pdf", name: "doc", source: { bytes: "AAAA" } } },
          ],
        },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "abcd", input: { a: 1 } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ json: { ok: true } }] } }] },
      ],
    };
    const tools = 1 + 2 + Math.ceil('{"type":"object"}'.length / 4);
    const system = 10;
    const messages =
      5 +
      IMAGE_TOKENS +
      DOCUMENT_TOKENS +
      (1 + Math.ceil('{"a":1}'.length / 4)) +
      Math.ceil('{"ok":true}'.length / 4);
    expect(countRequestTokens(request)).toBe(tools + system + messages);
  });

  it("counts a text document by its text", () => {
    const request: ModelRequest = {
      modelId: "amazon.nova-lite-v1:0",
      messages: [
        {
          role: "user",
          content: [{ document: { format: "txt", name: "n", source: { text: "w".repeat(80) } } }],
        },
      ],
    };
    expect(countRequestTokens(request)).toBe(20);
  });
});
