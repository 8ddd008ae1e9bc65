import {
  AIMessage,
  type AIMessageChunk,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { HAIKU_3, NOVA, SONNET, startTestEmulator, usageOf } from "./__fixtures__/emulator-model.js";

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});

// A real 1x1 PNG.
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("ChatBedrockKey content blocks", () => {
  it("sends text, base64 and data-URL images, a fetched image URL, PDF, CSV and text files", async () => {
    const fetched: string[] = [];
    const model = harness.model({
      model: HAIKU_3,
      fetch: async (url) => {
        fetched.push(url);
        return new Response(Buffer.from(PNG_BASE64, "base64"), { headers: { "content-type": "image/png" } });
      },
    });
    const reply: AIMessageChunk = await model.invoke([
      new HumanMessage({
        content: [
          { type: "text", text: "Describe these attachments." },
          { type: "image_url", image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          { type: "image", source_type: "base64", data: PNG_BASE64, mime_type: "image/png" } as never,
          { type: "image_url", image_url: "https://images.example.test/pixel.png" },
          {
            type: "file",
            source_type: "base64",
            data: Buffer.from("%PDF-1.4\n%%EOF").toString("base64"),
            mime_type: "application/pdf",
            metadata: { filename: "spec.pdf" },
          } as never,
          {
            type: "file",
            data: Buffer.from("a,b\n1,2\n").toString("base64"),
            mimeType: "text/csv",
            filename: "table.csv",
          } as never,
          { type: "text-plain", text: "plain notes", mimeType: "text/plain" } as never,
        ],
      }),
    ]);
    expect(fetched).toEqual(["https://images.example.test/pixel.png"]);
    expect(String(reply.content).length).toBeGreaterThan(0);
    expect(harness.emulator.audit().at(-1)?.status).toBe(200);
    expect(usageOf(reply)?.input_tokens).toBeGreaterThan(10);
  });

  it("reads cache hits for a complex conversation when cache_control is set", async () => {
    const lookup = tool(async () => "found", {
      name: "lookup",
      description: "Look something up",
      schema: z.object({ query: z.string() }),
    });
    const conversation = [
      new SystemMessage("You are a meticulous research assistant. ".repeat(40)),
      new HumanMessage({
        content: [
          { type: "text", text: "Look at this image and the notes." },
          { type: "image_url", image_url: `data:image/png;base64,${PNG_BASE64}` },
        ],
      }),
      new AIMessage({
        content: "Looking it up.",
        tool_calls: [{ id: "c1", name: "lookup", args: { query: "pixel" } }],
      }),
      new ToolMessage({ content: [{ type: "text", text: "a single pixel" }], tool_call_id: "c1" }),
      new AIMessage("It is a single pixel."),
      new HumanMessage("Summarise."),
    ];
    const model = harness.model({ model: HAIKU_3 }).bindTools([lookup]);
    const options = { cache_control: { type: "ephemeral" as const, ttl: "5m" as const } };
    const first: AIMessageChunk = await model.invoke(conversation, options);
    const second: AIMessageChunk = await model.invoke(conversation, options);
    expect(usageOf(first)?.input_token_details?.cache_creation).toBeGreaterThan(0);
    expect(usageOf(second)?.input_token_details?.cache_read).toBeGreaterThan(0);
    const streamed = await harness
      .model({ model: HAIKU_3 })
      .bindTools([lookup])
      .stream(conversation, options);
    let last: AIMessageChunk | undefined;
    for await (const chunk of streamed) last = last ? last.concat(chunk) : chunk;
    expect(usageOf(last)?.input_token_details?.cache_read).toBeGreaterThan(0);
  });

  it("honours explicit cachePoint blocks on Nova", async () => {
    const conversation = [
      new SystemMessage({
        content: [
          { type: "text", text: "Long policy text. ".repeat(60) },
          { cachePoint: { type: "default" } } as never,
        ],
      }),
      new HumanMessage("Hello"),
    ];
    const model = harness.model({ model: NOVA });
    await model.invoke(conversation);
    const second: AIMessageChunk = await model.invoke(conversation);
    expect(usageOf(second)?.input_token_details?.cache_read).toBeGreaterThan(0);
  });
});

describe("ChatBedrockKey reasoning", () => {
  it("returns reasoning with its signature on invoke and stream, and sends it back in history", async () => {
    const model = harness.model({
      model: SONNET,
      reasoning: { budgetTokens: 1024 },
    });
    const reply: AIMessageChunk = await model.invoke("Why is the sky blue?");
    const blocks = reply.content as Array<{ type: string; reasoning?: string; signature?: string }>;
    const reasoning = blocks.find((block) => block.type === "reasoning");
    expect(reasoning?.reasoning?.length).toBeGreaterThan(0);
    expect(reasoning?.signature?.length).toBeGreaterThan(0);

    let streamed: AIMessageChunk | undefined;
    for await (const chunk of await model.stream("Why is the sky blue?"))
      streamed = streamed ? streamed.concat(chunk) : chunk;
    const streamedBlocks = streamed?.content as Array<{ type: string; signature?: string }>;
    expect(streamedBlocks.find((block) => block.type === "reasoning")?.signature).toBe(reasoning?.signature);

    const followUp: AIMessageChunk = await model.invoke([
      new HumanMessage("Why is the sky blue?"),
      streamed as AIMessageChunk,
      new HumanMessage("And at sunset?"),
    ]);
    expect(harness.emulator.audit().at(-1)?.status).toBe(200);
    expect(followUp.content.length).toBeGreaterThan(0);
  });
});
