import { hashNumber, hashString } from "./hash.js";
import type { ContentBlock, Message, ModelRequest } from "./types.js";

/**
 * The text blocks of a list of blocks, joined with blank lines.
 *
 * @example
 * ```ts
 * blocksText([{ text: "a" }, { text: "b" }]); // => "a\n\nb"
 * ```
 */
export function blocksText(
  blocks: readonly ContentBlock[] | readonly { text?: string }[] | undefined,
): string {
  let out = "";
  for (const block of blocks ?? []) {
    if ("text" in block && typeof block.text === "string")
      out += out === "" ? block.text : `\n\n${block.text}`;
  }
  return out;
}

/**
 * The system prompt's text.
 *
 * @example
 * ```ts
 * systemText({ modelId, messages: [], system: [{ text: "You are terse." }] }); // => "You are terse."
 * ```
 */
export function systemText(request: ModelRequest): string {
  return blocksText(request.system as { text?: string }[] | undefined);
}

/**
 * The last message when it is the user's, else undefined.
 *
 * @example
 * ```ts
 * lastUserMessage(request)?.content;
 * ```
 */
export function lastUserMessage(request: ModelRequest): Message | undefined {
  const last = request.messages[request.messages.length - 1];
  return last?.role === "user" ? last : undefined;
}

/** A tool result of the last user turn, with the name of the tool that produced it (from the matching toolUse). */
export interface ToolResultView {
  toolUseId: string;
  name: string;
  status: "success" | "error";
  /** The result's text and JSON parts as one string. */
  text: string;
}

/**
 * The tool results in the last user turn, each named after the assistant toolUse it answers.
 *
 * @example
 * ```ts
 * lastToolResults(request).map((result) => `${result.name}: ${result.text}`);
 * ```
 */
export function lastToolResults(request: ModelRequest): ToolResultView[] {
  const last = lastUserMessage(request);
  if (last === undefined) return [];
  const names = new Map<string, string>();
  const previous = request.messages[request.messages.length - 2];
  for (const block of previous?.content ?? []) {
    if ("toolUse" in block) names.set(block.toolUse.toolUseId, block.toolUse.name);
  }
  const results: ToolResultView[] = [];
  for (const block of last.content) {
    if (!("toolResult" in block)) continue;
    const { toolUseId, content, status } = block.toolResult;
    const parts = (content ?? []).map((part) =>
      part.text !== undefined ? part.text : part.json !== undefined ? JSON.stringify(part.json) : "",
    );
    results.push({
      toolUseId,
      name: names.get(toolUseId) ?? "tool",
      status: status ?? "success",
      text: parts.filter((part) => part !== "").join("\n"),
    });
  }
  return results;
}

/**
 * A 32-bit hash of the seed, model and normalized conversation (system, roles, text, tool calls and results), so
 * the same conversation always gets the same answer and any change gives another.
 *
 * @example
 * ```ts
 * conversationHash(request, 42) === conversationHash(structuredClone(request), 42); // => true
 * ```
 */
export function conversationHash(request: ModelRequest, seed: number): number {
  let hash = hashString(request.modelId, hashNumber(seed));
  hash = hashString(systemText(request).trim(), hash);
  for (const message of request.messages) {
    hash = hashString(message.role, hash);
    for (const block of message.content) {
      if ("text" in block) hash = hashString(block.text.trim().replace(/\s+/g, " "), hash);
      else if ("toolUse" in block)
        hash = hashString(block.toolUse.name + JSON.stringify(block.toolUse.input), hash);
      else if ("toolResult" in block)
        hash = hashString(JSON.stringify(block.toolResult.content ?? null), hash);
      else if ("image" in block) hash = hashString(`image:${block.image.source.bytes?.length ?? 0}`, hash);
    }
  }
  return hash;
}
