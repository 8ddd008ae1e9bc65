import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { convertToConverseMessages } from "./convert-to-converse-messages.js";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const png64 = PNG.toString("base64");

describe("convertToConverseMessages", () => {
  it("moves system messages (string and blocks with cache points) to system", async () => {
    const { system, messages } = await convertToConverseMessages([
      new SystemMessage("Be brief."),
      new SystemMessage({
        content: [{ type: "text", text: "Policy." }, { cachePoint: { type: "default" } } as never],
      }),
      new HumanMessage("Hi"),
    ]);
    expect(system).toEqual([{ text: "Be brief." }, { text: "Policy." }, { cachePoint: { type: "default" } }]);
    expect(messages).toEqual([{ role: "user", content: [{ text: "Hi" }] }]);
  });

  it("merges consecutive same-role messages so roles alternate", async () => {
    const { messages } = await convertToConverseMessages([
      new HumanMessage("a"),
      new HumanMessage("b"),
      new AIMessage("c"),
      new AIMessage("d"),
    ]);
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(messages[0]?.content).toEqual([{ text: "a" }, { text: "b" }]);
    expect(messages[1]?.content).toEqual([{ text: "c" }, { text: "d" }]);
  });

  it("gives data-URL images their real format, not 'image'", async () => {
    for (const [mime, format] of [
      ["image/png", "png"],
      ["image/jpeg", "jpeg"],
      ["image/jpg", "jpeg"],
      ["image/gif", "gif"],
      ["image/webp", "webp"],
    ] as const) {
      const { messages } = await convertToConverseMessages([
        new HumanMessage({
          content: [{ type: "image_url", image_url: { url: `data:${mime};base64,${png64}` } }],
        }),
      ]);
      const block = messages[0]?.content?.[0];
      expect(block?.image?.format).toBe(format);
      expect(Buffer.from(block?.image?.source?.bytes ?? []).equals(PNG)).toBe(true);
    }
  });

  it("converts v0 and v1 standard base64 image blocks", async () => {
    const { messages } = await convertToConverseMessages([
      new HumanMessage({
        content: [
          { type: "image", source_type: "base64", data: png64, mime_type: "image/png" } as never,
          { type: "image", data: png64, mimeType: "image/webp" } as never,
        ],
      }),
    ]);
    expect(messages[0]?.content?.map((block) => block.image?.format)).toEqual(["png", "webp"]);
  });

  it("fetches http(s) image URLs through the injected fetch and inlines the bytes", async () => {
    const requested: string[] = [];
    const fetch = async (url: string) => {
      requested.push(url);
      return new Response(PNG, { headers: { "content-type": "image/png" } });
    };
    const { messages } = await convertToConverseMessages(
      [new HumanMessage({ content: [{ type: "image_url", image_url: "https://example.test/cat.png" }] })],
      { fetch },
    );
    expect(requested).toEqual(["https://example.test/cat.png"]);
    expect(messages[0]?.content?.[0]?.image?.format).toBe("png");
  });

  it("refuses an image URL larger than the limit, even without Content-Length", async () => {
    const big = new Uint8Array(2048);
    const fetch = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(big);
            controller.enqueue(big);
            controller.close();
          },
        }),
      );
    const error = await convertToConverseMessages(
      [
        new HumanMessage({
          content: [{ type: "image_url", image_url: "https://example.test/big.png?X-Amz-Signature=s" }],
        }),
      ],
      { fetch, maxMediaBytes: 3000 },
    ).catch((caught: unknown) => caught);
    expect(ChatBedrockKeyError.isInstance(error) && error.code).toBe("MEDIA_TOO_LARGE");
    expect(String((error as Error).message)).not.toContain("Signature");
  });

  it("converts files: pdf and csv base64, plain text, v1 text-plain, with stable sanitized names", async () => {
    const { messages } = await convertToConverseMessages([
      new HumanMessage({
        content: [
          {
            type: "file",
            source_type: "base64",
            data: "JVBERi0=",
            mime_type: "application/pdf",
            metadata: { filename: "q3_report.pdf" },
          } as never,
          { type: "file", data: Buffer.from("a,b\n1,2").toString("base64"), mimeType: "text/csv" } as never,
          { type: "file", source_type: "text", text: "notes" } as never,
          { type: "text-plain", text: "more notes", mimeType: "text/plain" } as never,
        ],
      }),
    ]);
    const documents = messages[0]?.content?.map((block) => block.document);
    expect(documents?.map((document) => document?.format)).toEqual(["pdf", "csv", "txt", "txt"]);
    expect(documents?.map((document) => document?.name)).toEqual([
      "q3-report-pdf",
      "document-2",
      "document-3",
      "document-4",
    ]);
  });

  it("keeps text, tool_use blocks and tool_calls of one AI message without throwing or duplicating", async () => {
    const ai = new AIMessage({
      content: [
        { type: "text", text: "Checking the weather." },
        { type: "tool_use", id: "t1", name: "weather", input: '{"city":"Paris"}' },
      ],
      tool_calls: [
        { id: "t1", name: "weather", args: { city: "Paris" } },
        { id: "t2", name: "time", args: { zone: "CET" } },
      ],
    });
    const { messages } = await convertToConverseMessages([new HumanMessage("hi"), ai]);
    expect(messages[1]?.content).toEqual([
      { text: "Checking the weather." },
      { toolUse: { toolUseId: "t1", name: "weather", input: { city: "Paris" } } },
      { toolUse: { toolUseId: "t2", name: "time", input: { zone: "CET" } } },
    ]);
  });

  it("keeps signed reasoning and drops unknown AI blocks", async () => {
    const ai = new AIMessage({
      content: [
        { type: "reasoning", reasoning: "think ", index: 0 } as never,
        { type: "reasoning", reasoning: "more", signature: "sig", index: 0 } as never,
        { type: "weird_provider_block", x: 1 } as never,
        { type: "text", text: "answer" },
      ],
    });
    const { messages } = await convertToConverseMessages([new HumanMessage("q"), ai]);
    expect(messages[1]?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "think more", signature: "sig" } } },
      { text: "answer" },
    ]);
  });

  it("sends tool results with string and list content, status error, merged into one user turn", async () => {
    const { messages } = await convertToConverseMessages([
      new HumanMessage("q"),
      new AIMessage({
        content: "",
        tool_calls: [
          { id: "a", name: "f", args: {} },
          { id: "b", name: "g", args: {} },
        ],
      }),
      new ToolMessage({ content: "boom", tool_call_id: "a", status: "error" }),
      new ToolMessage({
        content: [
          { type: "text", text: "ok" },
          { type: "json", json: { n: 1 } } as never,
          { value: 2 } as never,
        ],
        tool_call_id: "b",
      }),
    ]);
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(messages[2]?.content).toEqual([
      { toolResult: { toolUseId: "a", content: [{ text: "boom" }], status: "error" } },
      {
        toolResult: { toolUseId: "b", content: [{ text: "ok" }, { json: { n: 1 } }, { json: { value: 2 } }] },
      },
    ]);
  });

  it("rejects an empty human message with a typed error", async () => {
    const error = await convertToConverseMessages([new HumanMessage("")]).catch((caught: unknown) => caught);
    expect(ChatBedrockKeyError.isInstance(error) && error.code).toBe("UNSUPPORTED_CONTENT");
  });
});
