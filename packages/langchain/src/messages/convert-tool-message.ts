import type { ContentBlock, Message, ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { ToolMessage } from "@langchain/core/messages";
import { type ConversionContext, convertContentBlock, toCachePoint } from "./convert-content-block.js";

/**
 * Converts a `ToolMessage` to a Converse user message holding one `toolResult`. String and list content are both
 * accepted (text, images, documents, and `json` blocks; other objects are sent as JSON), `status: "error"` becomes
 * `toolResult.status: "error"` so the model knows the tool failed, and cache points follow the result.
 *
 * @example
 * ```ts
 * await convertToolMessage(new ToolMessage({ content: "boom", tool_call_id: "t1", status: "error" }), context)
 * // => { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: "boom" }], status: "error" } }] }
 * ```
 */
export async function convertToolMessage(message: ToolMessage, context: ConversionContext): Promise<Message> {
  const result: ToolResultContentBlock[] = [];
  const trailing: ContentBlock[] = [];
  const blocks: unknown[] = typeof message.content === "string" ? [message.content] : [...message.content];
  for (const raw of blocks) {
    const cachePoint = toCachePoint(raw);
    if (cachePoint) {
      trailing.push(cachePoint);
      continue;
    }
    const block = raw as Record<string, unknown> | string;
    if (typeof block === "object" && block !== null && block.type === "json" && "json" in block) {
      result.push({ json: block.json as ToolResultContentBlock.JsonMember["json"] });
      continue;
    }
    if (typeof block === "object" && block !== null && !isConvertible(block)) {
      result.push({ json: block as ToolResultContentBlock.JsonMember["json"] });
      continue;
    }
    const converted = await convertContentBlock(block, context);
    if (converted && "text" in converted && converted.text !== undefined)
      result.push({ text: converted.text });
    else if (converted && "image" in converted && converted.image) result.push({ image: converted.image });
    else if (converted && "document" in converted && converted.document)
      result.push({ document: converted.document });
    else if (converted && "video" in converted && converted.video) result.push({ video: converted.video });
  }
  // Converse rejects blank text; an empty tool output still needs a result the model can read.
  if (result.length === 0) result.push({ text: "(no output)" });
  const status = message.status === "error" ? "error" : message.status === "success" ? "success" : undefined;
  return {
    role: "user",
    content: [
      { toolResult: { toolUseId: message.tool_call_id, content: result, ...(status ? { status } : {}) } },
      ...trailing,
    ],
  };
}

const CONVERTIBLE = new Set(["text", "image_url", "image", "file", "document", "text-plain", "video"]);

function isConvertible(block: Record<string, unknown>): boolean {
  return typeof block.type === "string" && CONVERTIBLE.has(block.type);
}
