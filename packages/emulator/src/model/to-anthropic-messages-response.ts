import { createRandom, hashString, randomBase62 } from "./hash.js";
import type { ContentBlock, ModelOutput, StopReason } from "./types.js";

/** An Anthropic Messages content block as Claude on Bedrock returns it. */
export type AnthropicContentBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "redacted_thinking"; data: string };

/** The InvokeModel response body of a Claude model. */
export interface AnthropicMessagesResponse {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: string;
  stop_sequence: string | null;
  usage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens?: number;
    cache_read_input_tokens?: number;
  };
}

/**
 * Anthropic's stop reason for a Converse one (Converse adds reasons Anthropic reports as `end_turn`).
 *
 * @example
 * ```ts
 * toAnthropicStopReason("tool_use"); // => "tool_use"
 * ```
 */
export function toAnthropicStopReason(stopReason: StopReason): string {
  switch (stopReason) {
    case "end_turn":
    case "tool_use":
    case "max_tokens":
    case "stop_sequence":
    case "model_context_window_exceeded":
      return stopReason;
    case "content_filtered":
      return "refusal";
    default:
      return "end_turn";
  }
}

/**
 * Anthropic's name for a Bedrock model id (`anthropic.claude-3-5-haiku-20241022-v1:0` -> `claude-3-5-haiku-20241022`).
 *
 * @example
 * ```ts
 * anthropicModelName("us.anthropic.claude-sonnet-4-20250514-v1:0"); // => "claude-sonnet-4-20250514"
 * ```
 */
export function anthropicModelName(modelId: string): string {
  return modelId.replace(/^(?:[a-z-]+\.)?anthropic\./, "").replace(/-v\d+(?::\d+)?$/, "");
}

/**
 * Anthropic's tool-use id for the model's Converse `toolUseId` (Bedrock's look like `toolu_bdrk_01…`).
 *
 * @example
 * ```ts
 * toAnthropicToolUseId("tooluse_abc"); // => "toolu_bdrk_01abc"
 * ```
 */
export function toAnthropicToolUseId(toolUseId: string): string {
  return toolUseId.startsWith("tooluse_") ? `toolu_bdrk_01${toolUseId.slice(8)}` : toolUseId;
}

/**
 * A deterministic Anthropic message id for an output (`msg_bdrk_01…`).
 *
 * @example
 * ```ts
 * anthropicMessageId(output); // => "msg_bdrk_01Xa9…"
 * ```
 */
export function anthropicMessageId(output: ModelOutput): string {
  return `msg_bdrk_01${randomBase62(createRandom(hashString(JSON.stringify(output.content))), 22)}`;
}

/**
 * One Converse content block as an Anthropic content block (undefined for blocks Claude never returns).
 *
 * @example
 * ```ts
 * toAnthropicBlock({ text: "Hi" }); // => { type: "text", text: "Hi" }
 * ```
 */
export function toAnthropicBlock(block: ContentBlock): AnthropicContentBlock | undefined {
  if ("text" in block) return { type: "text", text: block.text };
  if ("toolUse" in block) {
    const { toolUseId, name, input } = block.toolUse;
    return { type: "tool_use", id: toAnthropicToolUseId(toolUseId), name, input };
  }
  if ("reasoningContent" in block) {
    const reasoning = block.reasoningContent;
    if (reasoning.reasoningText !== undefined) {
      return {
        type: "thinking",
        thinking: reasoning.reasoningText.text,
        signature: reasoning.reasoningText.signature ?? "",
      };
    }
    return { type: "redacted_thinking", data: reasoning.redactedContent ?? "" };
  }
  return undefined;
}

/**
 * The InvokeModel response body of a Claude model for a simulated output.
 *
 * @example
 * ```ts
 * const body = toAnthropicMessagesResponse(simulateConverse(request, options), request.modelId);
 * body.stop_reason; // => "end_turn"
 * ```
 */
export function toAnthropicMessagesResponse(output: ModelOutput, modelId: string): AnthropicMessagesResponse {
  const usage: AnthropicMessagesResponse["usage"] = {
    input_tokens: output.usage.inputTokens,
    output_tokens: output.usage.outputTokens,
  };
  if (output.usage.cacheWriteInputTokens !== undefined)
    usage.cache_creation_input_tokens = output.usage.cacheWriteInputTokens;
  if (output.usage.cacheReadInputTokens !== undefined)
    usage.cache_read_input_tokens = output.usage.cacheReadInputTokens;
  return {
    id: anthropicMessageId(output),
    type: "message",
    role: "assistant",
    model: anthropicModelName(modelId),
    content: output.content.flatMap((block) => toAnthropicBlock(block) ?? []),
    stop_reason: toAnthropicStopReason(output.stopReason),
    stop_sequence: output.stopSequence ?? null,
    usage,
  };
}
