import type { ContentBlock } from "./types.js";
import { expectType, isObject, type Json, malformed } from "./validate-json-body.js";

function cacheMarker(block: Json): ContentBlock[] {
  return isObject(block.cache_control) ? [{ cachePoint: { type: "default" } }] : [];
}

function imageFormat(mediaType: unknown): string {
  return typeof mediaType === "string" ? (mediaType.split("/")[1] ?? "png") : "png";
}

function convertBlock(block: unknown, path: string): ContentBlock[] {
  if (!isObject(block)) throw malformed(`${path}: expected type: JSONObject, found: ${typeof block}`);
  const source = isObject(block.source) ? block.source : {};
  switch (block.type) {
    case "text":
      expectType(block.text, "String", `${path}/text`);
      return [{ text: block.text as string }, ...cacheMarker(block)];
    case "image":
      return [
        { image: { format: imageFormat(source.media_type), source: { bytes: String(source.data ?? "") } } },
        ...cacheMarker(block),
      ];
    case "document": {
      const text = source.type === "text" ? String(source.data ?? "") : undefined;
      const name = typeof block.title === "string" ? block.title : "document";
      const documentSource = text === undefined ? { bytes: String(source.data ?? "") } : { text };
      const format = text === undefined ? imageFormat(source.media_type) : "txt";
      return [{ document: { format, name, source: documentSource } }, ...cacheMarker(block)];
    }
    case "tool_use":
      expectType(block.id, "String", `${path}/id`);
      expectType(block.name, "String", `${path}/name`);
      return [
        { toolUse: { toolUseId: block.id as string, name: block.name as string, input: block.input ?? {} } },
      ];
    case "tool_result": {
      expectType(block.tool_use_id, "String", `${path}/tool_use_id`);
      const parts =
        typeof block.content === "string" ? [{ type: "text", text: block.content }] : (block.content ?? []);
      if (!Array.isArray(parts))
        throw malformed(`${path}/content: expected type: JSONArray, found: JSONObject`);
      const content = parts.map((part: unknown) => {
        const item = isObject(part) ? part : {};
        return item.type === "image" ? { image: item.source } : { text: String(item.text ?? "") };
      });
      const status = block.is_error === true ? "error" : "success";
      return [
        { toolResult: { toolUseId: block.tool_use_id as string, content, status } },
        ...cacheMarker(block),
      ];
    }
    case "thinking":
      return [
        {
          reasoningContent: {
            reasoningText: { text: String(block.thinking ?? ""), signature: String(block.signature ?? "") },
          },
        },
      ];
    case "redacted_thinking":
      return [{ reasoningContent: { redactedContent: String(block.data ?? "") } }];
    default:
      throw malformed(`${path}/type: ${JSON.stringify(block.type)} is not a valid enum value`);
  }
}

/**
 * Converts Anthropic Messages content (a string or text/image/document/tool_use/tool_result/thinking blocks) to
 * Converse content blocks; `cache_control` on a block becomes a cache point after it.
 *
 * @example
 * ```ts
 * convertAnthropicContent("Hi", "#/messages/0/content"); // => [{ text: "Hi" }]
 * ```
 */
export function convertAnthropicContent(content: unknown, path: string): ContentBlock[] {
  if (typeof content === "string") return [{ text: content }];
  expectType(content, "JSONArray", path);
  return (content as unknown[]).flatMap((block, index) => convertBlock(block, `${path}/${index}`));
}
