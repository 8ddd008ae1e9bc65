import { splitText } from "./split-text.js";
import {
  anthropicMessageId,
  anthropicModelName,
  toAnthropicBlock,
  toAnthropicStopReason,
} from "./to-anthropic-messages-response.js";
import type { ModelOutput } from "./types.js";

/** Options of {@link toAnthropicStreamChunks}. */
export interface AnthropicStreamOptions {
  /** The model id for `message_start.message.model` (Anthropic's name is derived from it). */
  modelId?: string;
  /** Milliseconds for `amazon-bedrock-invocationMetrics` in `message_stop` (0 by default). */
  invocationLatency?: number;
  firstByteLatency?: number;
  /** Characters per text/thinking/JSON delta. */
  chunkChars?: number;
}

/**
 * The events of an InvokeModelWithResponseStream answer from a Claude model, in Anthropic's order: `message_start`,
 * per block `content_block_start` / deltas (`text_delta`, `input_json_delta`, `thinking_delta` then
 * `signature_delta`) / `content_block_stop`, `message_delta` (stop reason, usage) and `message_stop` with
 * Bedrock's `amazon-bedrock-invocationMetrics`. The HTTP layer sends each as `{ chunk: { bytes: base64(JSON) } }`.
 *
 * @example
 * ```ts
 * for (const event of toAnthropicStreamChunks(output, { modelId })) send({ bytes: Buffer.from(JSON.stringify(event)).toString("base64") });
 * ```
 */
export function toAnthropicStreamChunks(
  output: ModelOutput,
  options: AnthropicStreamOptions = {},
): Record<string, unknown>[] {
  const size = options.chunkChars ?? 16;
  const events: Record<string, unknown>[] = [];
  const startUsage: Record<string, number> = { input_tokens: output.usage.inputTokens, output_tokens: 1 };
  if (output.usage.cacheWriteInputTokens !== undefined)
    startUsage.cache_creation_input_tokens = output.usage.cacheWriteInputTokens;
  if (output.usage.cacheReadInputTokens !== undefined)
    startUsage.cache_read_input_tokens = output.usage.cacheReadInputTokens;
  events.push({
    type: "message_start",
    message: {
      id: anthropicMessageId(output),
      type: "message",
      role: "assistant",
      model: anthropicModelName(options.modelId ?? ""),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: startUsage,
    },
  });
  let index = 0;
  for (const block of output.content) {
    const converted = toAnthropicBlock(block);
    if (converted === undefined) continue;
    const delta = (body: Record<string, unknown>) =>
      events.push({ type: "content_block_delta", index, delta: body });
    if (converted.type === "text") {
      events.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
      for (const piece of splitText(converted.text, size)) delta({ type: "text_delta", text: piece });
    } else if (converted.type === "tool_use") {
      events.push({ type: "content_block_start", index, content_block: { ...converted, input: {} } });
      delta({ type: "input_json_delta", partial_json: "" });
      for (const piece of splitText(JSON.stringify(converted.input), size))
        delta({ type: "input_json_delta", partial_json: piece });
    } else if (converted.type === "thinking") {
      events.push({ type: "content_block_start", index, content_block: { type: "thinking", thinking: "" } });
      for (const piece of splitText(converted.thinking, size))
        delta({ type: "thinking_delta", thinking: piece });
      delta({ type: "signature_delta", signature: converted.signature });
    } else {
      events.push({ type: "content_block_start", index, content_block: converted });
    }
    events.push({ type: "content_block_stop", index });
    index++;
  }
  events.push({
    type: "message_delta",
    delta: {
      stop_reason: toAnthropicStopReason(output.stopReason),
      stop_sequence: output.stopSequence ?? null,
    },
    usage: { output_tokens: output.usage.outputTokens },
  });
  events.push({
    type: "message_stop",
    "amazon-bedrock-invocationMetrics": {
      inputTokenCount: output.usage.inputTokens,
      outputTokenCount: output.usage.outputTokens,
      invocationLatency: options.invocationLatency ?? 0,
      firstByteLatency: options.firstByteLatency ?? 0,
    },
  });
  return events;
}
