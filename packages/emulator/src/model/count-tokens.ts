import type { ContentBlock, ModelRequest, SystemBlock } from "./types.js";

/**
 * A plausible fixed cost of one image (Claude charges about width*height/750, ~1,600 for a large image).
 *
 * @example
 * ```ts
 * countBlockTokens({ image: { format: "png", source: { bytes } } }) === IMAGE_TOKENS; // => true
 * ```
 */
export const IMAGE_TOKENS = 1600;
/**
 * A plausible fixed cost of a binary document (PDF, DOCX…) whose text the emulator does not extract.
 *
 * @example
 * ```ts
 * countBlockTokens({ document: { format: "pdf", name: "a", source: { bytes } } }) === DOCUMENT_TOKENS;
 * ```
 */
export const DOCUMENT_TOKENS = 1500;
/**
 * A plausible fixed cost of one video.
 *
 * @example
 * ```ts
 * countBlockTokens({ video: { format: "mp4", source } }) === VIDEO_TOKENS;
 * ```
 */
export const VIDEO_TOKENS = 3000;

/**
 * Estimates the tokens of a text at about 4 characters a token, at least 1 for any non-empty text.
 *
 * @example
 * ```ts
 * estimateTokens("Hello, world!"); // => 4
 * ```
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

function jsonTokens(value: unknown): number {
  if (value === undefined) return 0;
  return estimateTokens(typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
}

/**
 * Tokens of one content or system block: text, tool use / result (as JSON), reasoning, images and documents.
 *
 * @example
 * ```ts
 * countBlockTokens({ text: "Hello" }); // => 2
 * ```
 */
export function countBlockTokens(block: ContentBlock | SystemBlock): number {
  if ("text" in block) return estimateTokens(block.text);
  if ("toolUse" in block) return estimateTokens(block.toolUse.name) + jsonTokens(block.toolUse.input);
  if ("toolResult" in block) {
    let total = 0;
    for (const part of block.toolResult.content ?? []) {
      if (part.text !== undefined) total += estimateTokens(part.text);
      if (part.json !== undefined) total += jsonTokens(part.json);
      if (part.image !== undefined) total += IMAGE_TOKENS;
      if (part.document !== undefined) total += DOCUMENT_TOKENS;
    }
    return total;
  }
  if ("reasoningContent" in block) {
    const reasoning = block.reasoningContent;
    return estimateTokens(reasoning.reasoningText?.text ?? reasoning.redactedContent ?? "");
  }
  if ("image" in block) return IMAGE_TOKENS;
  if ("document" in block) {
    const text = block.document.source.text;
    return text === undefined ? DOCUMENT_TOKENS : estimateTokens(text);
  }
  if ("video" in block) return VIDEO_TOKENS;
  if ("guardContent" in block) return jsonTokens(block.guardContent);
  return 0;
}

/**
 * Tokens of one tool entry of `toolConfig.tools`: its name, description and JSON schema.
 *
 * @example
 * ```ts
 * countToolTokens({ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } });
 * ```
 */
export function countToolTokens(tool: NonNullable<ModelRequest["toolConfig"]>["tools"][number]): number {
  if (!("toolSpec" in tool)) return 0;
  const spec = tool.toolSpec;
  return (
    estimateTokens(spec.name) + estimateTokens(spec.description ?? "") + jsonTokens(spec.inputSchema.json)
  );
}

/**
 * Input tokens of a whole request, as CountTokens and `usage.inputTokens` report them: tool specs, system
 * blocks and every message block.
 *
 * @example
 * ```ts
 * countRequestTokens({ modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] });
 * ```
 */
export function countRequestTokens(request: ModelRequest): number {
  let total = 0;
  for (const tool of request.toolConfig?.tools ?? []) total += countToolTokens(tool);
  for (const block of request.system ?? []) total += countBlockTokens(block);
  for (const message of request.messages) {
    for (const block of message.content) total += countBlockTokens(block);
  }
  return total;
}
