import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ModelInfo, ModelOutput, ModelRequest } from "../model/types.js";
import {
  fromAnthropicMessagesBody,
  toAnthropicMessagesResponse,
  toAnthropicStreamChunks,
} from "./model-api.js";

/** How one provider's native InvokeModel body maps to the model and back. */
export interface InvokeBodyAdapter {
  parse(body: unknown, model: ModelInfo): ModelRequest;
  toResponse(output: ModelOutput, model: ModelInfo): unknown;
  toStreamChunks(output: ModelOutput, model: ModelInfo): unknown[];
}

const anthropic: InvokeBodyAdapter = {
  parse: (body, model) => fromAnthropicMessagesBody(body, model.modelId),
  toResponse: (output, model) => toAnthropicMessagesResponse(output, model.modelId),
  toStreamChunks: (output, model) => toAnthropicStreamChunks(output, { modelId: model.modelId }),
};

interface NovaBody {
  system?: Array<{ text: string }>;
  messages?: ModelRequest["messages"];
  inferenceConfig?: {
    max_new_tokens?: number;
    maxTokens?: number;
    temperature?: number;
    stopSequences?: string[];
  };
}

/** Amazon Nova's native body is Converse-like: `messages`, `system`, `inferenceConfig.max_new_tokens`. */
const nova: InvokeBodyAdapter = {
  parse(body, model) {
    const value = body as NovaBody;
    if (!Array.isArray(value.messages)) throw malformed("#: required key [messages] not found");
    const maxTokens = value.inferenceConfig?.max_new_tokens ?? value.inferenceConfig?.maxTokens;
    return {
      modelId: model.modelId,
      messages: value.messages,
      ...(value.system === undefined ? {} : { system: value.system }),
      ...(maxTokens === undefined ? {} : { inferenceConfig: { maxTokens } }),
    };
  },
  toResponse: (output) => ({
    output: { message: { role: "assistant", content: output.content } },
    stopReason: output.stopReason,
    usage: output.usage,
  }),
  toStreamChunks(output) {
    const text = textOf(output);
    return [
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: output.stopReason } },
      { metadata: { usage: output.usage } },
    ];
  },
};

interface PromptBody {
  prompt?: string;
  max_gen_len?: number;
  max_tokens?: number;
}

/** Meta Llama and Mistral text completion: `{ prompt, max_gen_len | max_tokens }`. */
const prompt: InvokeBodyAdapter = {
  parse(body, model) {
    const value = body as PromptBody;
    if (typeof value.prompt !== "string") throw malformed("#: required key [prompt] not found");
    const maxTokens = value.max_gen_len ?? value.max_tokens;
    return {
      modelId: model.modelId,
      messages: [{ role: "user", content: [{ text: value.prompt }] }],
      ...(maxTokens === undefined ? {} : { inferenceConfig: { maxTokens } }),
    };
  },
  toResponse(output, model) {
    const stop = output.stopReason === "max_tokens" ? "length" : "stop";
    if (model.modelId.startsWith("mistral."))
      return { outputs: [{ text: textOf(output), stop_reason: stop }] };
    return {
      generation: textOf(output),
      prompt_token_count: output.usage.inputTokens,
      generation_token_count: output.usage.outputTokens,
      stop_reason: stop,
    };
  },
  toStreamChunks(output, model) {
    return [this.toResponse(output, model)];
  },
};

/**
 * The adapter for a text model's native InvokeModel body: Anthropic Messages for `anthropic.*`, Nova's for
 * `amazon.nova*`, prompt completion for Llama and Mistral.
 *
 * @example
 * ```ts
 * invokeBodyAdapterFor(model).parse({ anthropic_version: "bedrock-2023-05-31", max_tokens: 50, messages }, model);
 * ```
 */
export function invokeBodyAdapterFor(model: ModelInfo): InvokeBodyAdapter {
  if (model.modelId.startsWith("anthropic.")) return anthropic;
  if (model.modelId.startsWith("amazon.nova")) return nova;
  return prompt;
}

/**
 * Bedrock's message for a native body that does not fit the model's schema.
 *
 * @example
 * ```ts
 * throw malformed("#: required key [prompt] not found");
 * ```
 */
export function malformed(detail: string): BedrockWireError {
  return new BedrockWireError(
    "ValidationException",
    `Malformed input request: ${detail}, please reformat your input and try again.`,
  );
}

function textOf(output: ModelOutput): string {
  return output.content.map((block) => ("text" in block ? block.text : "")).join("");
}
