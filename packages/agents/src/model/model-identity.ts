import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

/** What the limiter and price table need to know about a chat model. */
export interface ModelIdentity {
  modelId: string;
  region: string;
  /** The model's own output-token cap, when it exposes one. */
  maxTokens: number | undefined;
}

/**
 * Reads the model id, region and `maxTokens` from any LangChain chat model (`model` / `modelId` / `model_id`
 * fields, else its `_llmType()`), without calling it.
 *
 * @example
 * ```ts
 * modelIdentity(new ChatBedrockKey({ model: "amazon.nova-lite-v1:0", region: "us-east-1" }));
 * ```
 */
export function modelIdentity(model: BaseChatModel): ModelIdentity {
  const fields = model as unknown as Record<string, unknown>;
  const modelId = pickString(fields, ["model", "modelId", "model_id", "modelName"]) ?? model._llmType();
  const region = pickString(fields, ["region", "regionName"]) ?? "default";
  const maxTokens = typeof fields.maxTokens === "number" ? fields.maxTokens : undefined;
  return { modelId, region, maxTokens };
}

function pickString(fields: Record<string, unknown>, names: string[]): string | undefined {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return undefined;
}
