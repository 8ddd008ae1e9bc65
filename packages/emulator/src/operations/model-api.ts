/**
 * The single seam between the HTTP layer and the simulated model in ../model/. TEMPORARY stand-ins live here
 * for model functions not yet landed; they are replaced by re-exports as soon as the real ones exist.
 */
import { createHash } from "node:crypto";
import { estimateTokens } from "../model/count-tokens.js";
import type { ModelInfo, ModelOutput, ModelRequest } from "../model/types.js";

export { DEFAULT_MODELS, resolveModelId, toFoundationModelSummary } from "../model/catalog.js";
export { countRequestTokens, estimateTokens } from "../model/count-tokens.js";

export function simulateConverse(
  request: ModelRequest,
  _options: { seed: number; model: ModelInfo; promptCache?: Set<string> },
): ModelOutput {
  const last = request.messages[request.messages.length - 1];
  const lastText = last?.content.map((block) => ("text" in block ? block.text : "")).join(" ") ?? "";
  const tools = request.toolConfig?.tools ?? [];
  const firstTool = tools.find((tool) => "toolSpec" in tool);
  const hasResult = last?.content.some((block) => "toolResult" in block) ?? false;
  const inputTokens = estimateTokens(JSON.stringify(request.messages));
  if (firstTool !== undefined && "toolSpec" in firstTool && !hasResult) {
    const content = [
      {
        toolUse: {
          toolUseId: "tooluse_standin0001",
          name: firstTool.toolSpec.name,
          input: { query: lastText },
        },
      },
    ];
    return {
      content,
      stopReason: "tool_use",
      usage: { inputTokens, outputTokens: 12, totalTokens: inputTokens + 12 },
    };
  }
  const text = `You said: ${lastText.slice(0, 200)}. That is an interesting point to consider.`;
  const outputTokens = estimateTokens(text);
  return {
    content: [{ text }],
    stopReason: "end_turn",
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
  };
}

export function simulateEmbedding(text: string, options: { seed: number; dimensions: number }): number[] {
  const vector: number[] = [];
  let block = createHash("sha256").update(`${options.seed}:${text}`).digest();
  while (vector.length < options.dimensions) {
    for (const byte of block) vector.push(byte / 127.5 - 1);
    block = createHash("sha256").update(block).digest();
  }
  vector.length = options.dimensions;
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

export function fromAnthropicMessagesBody(body: unknown, modelId: string): ModelRequest {
  const value = body as { messages?: ModelRequest["messages"]; max_tokens?: number };
  if (!Array.isArray(value.messages)) throw new Error("messages: field required");
  return {
    modelId,
    messages: value.messages.map((message) => ({
      role: message.role,
      content: typeof message.content === "string" ? [{ text: message.content }] : message.content,
    })),
    ...(value.max_tokens === undefined ? {} : { inferenceConfig: { maxTokens: value.max_tokens } }),
  };
}

export function toAnthropicMessagesResponse(output: ModelOutput, modelId: string): object {
  return {
    id: "msg_bdrk_standin",
    type: "message",
    role: "assistant",
    model: modelId,
    content: output.content.map((block) =>
      "text" in block ? { type: "text", text: block.text } : { type: "text", text: "" },
    ),
    stop_reason: output.stopReason,
    stop_sequence: null,
    usage: { input_tokens: output.usage.inputTokens, output_tokens: output.usage.outputTokens },
  };
}

export function toAnthropicStreamChunks(output: ModelOutput): object[] {
  const text = output.content.map((block) => ("text" in block ? block.text : "")).join("");
  return [
    { type: "message_start", message: { role: "assistant", content: [], usage: { input_tokens: 1 } } },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: output.stopReason }, usage: { output_tokens: 1 } },
    { type: "message_stop" },
  ];
}
