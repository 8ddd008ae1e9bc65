import type { ContentBlock, Message, ReasoningContentBlock } from "@aws-sdk/client-bedrock-runtime";
import type { AIMessage } from "@langchain/core/messages";
import { toCachePoint } from "./convert-content-block.js";

type Block = Record<string, unknown>;

/**
 * Converts an AI message to a Converse assistant message. Text, signed reasoning, `tool_use` / `tool_call` content
 * blocks and `tool_calls` may all be present at once (as in few-shot structured examples and tool histories with
 * list content); tool uses are deduplicated by id, with `tool_calls` args winning. It never throws: blocks Converse
 * cannot take back (images the model did not produce, unknown provider blocks) are dropped.
 * Returns undefined when nothing is left to send.
 *
 * @example
 * ```ts
 * convertAiMessage(new AIMessage({ content: "Let me check.", tool_calls: [{ id: "t1", name: "weather", args: {} }] }))
 * // => { role: "assistant", content: [{ text: "Let me check." }, { toolUse: { toolUseId: "t1", name: "weather", input: {} } }] }
 * ```
 */
export function convertAiMessage(message: AIMessage): Message | undefined {
  const content: ContentBlock[] = [];
  const toolUses = new Map<string, ContentBlock.ToolUseMember>();
  const blocks: unknown[] = typeof message.content === "string" ? [message.content] : [...message.content];
  let pendingReasoning: { text: string; signature: string } | undefined;
  const flushReasoning = () => {
    if (pendingReasoning && pendingReasoning.signature.length > 0) {
      content.push({ reasoningContent: { reasoningText: { ...pendingReasoning } } });
    }
    pendingReasoning = undefined;
  };
  for (const raw of blocks) {
    const reasoning = readReasoning(raw);
    if (reasoning && "redactedContent" in reasoning) {
      flushReasoning();
      content.push({ reasoningContent: reasoning });
      continue;
    }
    if (reasoning && "reasoningText" in reasoning && reasoning.reasoningText) {
      pendingReasoning ??= { text: "", signature: "" };
      pendingReasoning.text += reasoning.reasoningText.text ?? "";
      pendingReasoning.signature += reasoning.reasoningText.signature ?? "";
      continue;
    }
    flushReasoning();
    const converted = convertAssistantBlock(raw);
    if (!converted) continue;
    if ("toolUse" in converted && converted.toolUse) {
      const id = converted.toolUse.toolUseId ?? `tooluse_${toolUses.size}`;
      if (toolUses.has(id)) continue;
      converted.toolUse.toolUseId = id;
      toolUses.set(id, converted);
    }
    content.push(converted);
  }
  flushReasoning();
  for (const [position, call] of (message.tool_calls ?? []).entries()) {
    const id = call.id ?? `tooluse_${position}`;
    const existing = toolUses.get(id);
    if (existing?.toolUse) {
      existing.toolUse.input = call.args;
      existing.toolUse.name = call.name;
      continue;
    }
    const block: ContentBlock.ToolUseMember = {
      toolUse: { toolUseId: id, name: call.name, input: call.args },
    };
    toolUses.set(id, block);
    content.push(block);
  }
  return content.length > 0 ? { role: "assistant", content } : undefined;
}

function convertAssistantBlock(raw: unknown): ContentBlock | undefined {
  if (typeof raw === "string") return raw.trim().length > 0 ? { text: raw } : undefined;
  if (typeof raw !== "object" || raw === null) return undefined;
  const block = raw as Block;
  const cachePoint = toCachePoint(block);
  if (cachePoint) return cachePoint;
  if (block.type === "text" && typeof block.text === "string") {
    return block.text.trim().length > 0 ? { text: block.text } : undefined;
  }
  if (block.type === "tool_use" || block.type === "tool_call") {
    const name = typeof block.name === "string" ? block.name : undefined;
    if (!name) return undefined;
    const input = parseInput(block.type === "tool_use" ? block.input : block.args);
    const id = typeof block.id === "string" && block.id.length > 0 ? block.id : undefined;
    return { toolUse: { toolUseId: id, name, input } } as ContentBlock.ToolUseMember;
  }
  return undefined;
}

/** Streamed tool_use blocks may hold their input as a JSON string; unparsable input becomes `{}`. */
function parseInput(input: unknown): Record<string, unknown> {
  if (typeof input === "string") {
    try {
      const parsed: unknown = JSON.parse(input.length > 0 ? input : "{}");
      return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
}

function readReasoning(raw: unknown): ReasoningContentBlock | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const block = raw as Block;
  const signature = (value: unknown) => (typeof value === "string" ? value : "");
  if (block.type === "reasoning") {
    if (typeof block.redactedContent === "string" && block.redactedContent.length > 0) {
      return { redactedContent: new Uint8Array(Buffer.from(block.redactedContent, "base64")) };
    }
    return { reasoningText: { text: String(block.reasoning ?? ""), signature: signature(block.signature) } };
  }
  if (block.type === "thinking") {
    return { reasoningText: { text: String(block.thinking ?? ""), signature: signature(block.signature) } };
  }
  if (block.type === "redacted_thinking" && typeof block.data === "string") {
    return { redactedContent: new Uint8Array(Buffer.from(block.data, "base64")) };
  }
  if (block.type === "reasoning_content") {
    if (typeof block.redactedContent === "string") {
      return { redactedContent: new Uint8Array(Buffer.from(block.redactedContent, "base64")) };
    }
    const text = (block.reasoningText ?? {}) as Block;
    return { reasoningText: { text: String(text.text ?? ""), signature: signature(text.signature) } };
  }
  return undefined;
}
