import type { Message, SystemContentBlock, Tool } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { applyCacheControl } from "./apply-cache-control.js";

function request(modelId: string) {
  const system: SystemContentBlock[] = [{ text: "You are helpful." }];
  const tools: Tool[] = [{ toolSpec: { name: "f", inputSchema: { json: {} } } }];
  const messages: Message[] = [{ role: "user", content: [{ text: "hi" }] }];
  return { system, tools, messages, modelId };
}

describe("applyCacheControl", () => {
  it("adds cache points after system, tools and the last message, with the 1h ttl", () => {
    const r = request("anthropic.claude-3-5-haiku-20241022-v1:0");
    applyCacheControl({ ...r, cacheControl: { type: "ephemeral", ttl: "1h" } });
    expect(r.system.at(-1)).toEqual({ cachePoint: { type: "default", ttl: "1h" } });
    expect(r.tools.at(-1)).toEqual({ cachePoint: { type: "default", ttl: "1h" } });
    expect(r.messages[0]?.content?.at(-1)).toEqual({ cachePoint: { type: "default", ttl: "1h" } });
  });

  it("skips tools and ttl on Nova, and never exceeds four cache points", () => {
    const nova = request("us.amazon.nova-lite-v1:0");
    applyCacheControl({ ...nova, cacheControl: { type: "ephemeral", ttl: "1h" } });
    expect(nova.tools).toHaveLength(1);
    expect(nova.system.at(-1)).toEqual({ cachePoint: { type: "default" } });

    const full = request("anthropic.claude-3-5-haiku-20241022-v1:0");
    full.system.push({ cachePoint: { type: "default" } }, { text: "x" }, { cachePoint: { type: "default" } });
    full.messages[0]?.content?.push(
      { cachePoint: { type: "default" } },
      { text: "y" },
      { cachePoint: { type: "default" } },
    );
    applyCacheControl({ ...full, cacheControl: { type: "ephemeral" } });
    const count = [...full.system, ...full.tools, ...(full.messages[0]?.content ?? [])].filter(
      (b) => "cachePoint" in b,
    );
    expect(count).toHaveLength(4);
  });

  it("does nothing without cache_control", () => {
    const r = request("anthropic.claude-3-5-haiku-20241022-v1:0");
    applyCacheControl({ ...r, cacheControl: undefined });
    expect(r.system).toHaveLength(1);
  });
});
