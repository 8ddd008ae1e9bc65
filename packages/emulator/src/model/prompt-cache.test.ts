import { describe, expect, it } from "vitest";
import { countToolTokens } from "./count-tokens.js";
import { accountPromptCache } from "./prompt-cache.js";
import type { ModelRequest } from "./types.js";

const tool = {
  toolSpec: { name: "lookup", description: "Look things up", inputSchema: { json: { type: "object" } } },
};

function request(question: string, extra: Partial<ModelRequest> = {}): ModelRequest {
  return {
    modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
    toolConfig: { tools: [tool, { cachePoint: { type: "default" } }] },
    system: [{ text: "s".repeat(400) }, { cachePoint: { type: "default" } }],
    messages: [
      {
        role: "user",
        content: [{ text: "d".repeat(800) }, { cachePoint: { type: "default" } }, { text: question }],
      },
    ],
    ...extra,
  };
}

describe("accountPromptCache", () => {
  it("is undefined without cache points", () => {
    expect(
      accountPromptCache(
        { modelId: "m", messages: [{ role: "user", content: [{ text: "hi" }] }] },
        new Set(),
      ),
    ).toBeUndefined();
  });

  it("counts tools, system and messages up to the last cache point", () => {
    const cache = new Set<string>();
    const prefix = countToolTokens(tool) + 100 + 200;
    expect(accountPromptCache(request("first?"), cache)).toEqual({
      cacheReadInputTokens: 0,
      cacheWriteInputTokens: prefix,
    });
    expect(accountPromptCache(request("second, different question?"), cache)).toEqual({
      cacheReadInputTokens: prefix,
      cacheWriteInputTokens: 0,
    });
  });

  it("misses when anything in the prefix changes, or for another model", () => {
    const cache = new Set<string>();
    accountPromptCache(request("q"), cache);
    expect(
      accountPromptCache(
        request("q", { system: [{ text: "t".repeat(400) }, { cachePoint: { type: "default" } }] }),
        cache,
      )?.cacheWriteInputTokens,
    ).toBeGreaterThan(0);
    expect(
      accountPromptCache({ ...request("q"), modelId: "amazon.nova-pro-v1:0" }, cache)?.cacheReadInputTokens,
    ).toBe(0);
  });
});
