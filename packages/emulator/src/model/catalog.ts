import type { ModelInfo } from "./types.js";

function textModel(
  modelId: string,
  modelName: string,
  providerName: string,
  options: {
    inputModalities?: string[];
    supportsToolChoice?: boolean;
    supportsReasoning?: boolean;
    inferenceTypesSupported?: string[];
  } = {},
): ModelInfo {
  return {
    modelId,
    modelName,
    providerName,
    inputModalities: options.inputModalities ?? ["TEXT"],
    outputModalities: ["TEXT"],
    responseStreamingSupported: true,
    kind: "text",
    supportsToolChoice: options.supportsToolChoice ?? true,
    supportsReasoning: options.supportsReasoning ?? false,
    inferenceTypesSupported: options.inferenceTypesSupported ?? ["ON_DEMAND"],
  };
}

function embeddingModel(
  modelId: string,
  modelName: string,
  providerName: string,
  dimensions: number,
): ModelInfo {
  return {
    modelId,
    modelName,
    providerName,
    inputModalities: ["TEXT"],
    outputModalities: ["EMBEDDING"],
    responseStreamingSupported: false,
    kind: "embedding",
    dimensions,
    supportsToolChoice: false,
    supportsReasoning: false,
    inferenceTypesSupported: ["ON_DEMAND"],
  };
}

/**
 * The models the emulator serves unless `startEmulator({ models })` replaces them: Claude (3.7 Sonnet and Sonnet 4
 * think), Nova, Llama (no `toolChoice`), Mistral, and two 1024-dimension embedding models.
 *
 * @example
 * ```ts
 * DEFAULT_MODELS.filter((model) => model.kind === "embedding").map((model) => model.modelId);
 * ```
 */
export const DEFAULT_MODELS: ModelInfo[] = [
  textModel("anthropic.claude-3-5-haiku-20241022-v1:0", "Claude 3.5 Haiku", "Anthropic"),
  textModel("anthropic.claude-3-haiku-20240307-v1:0", "Claude 3 Haiku", "Anthropic", {
    inputModalities: ["TEXT", "IMAGE"],
  }),
  textModel("anthropic.claude-3-7-sonnet-20250219-v1:0", "Claude 3.7 Sonnet", "Anthropic", {
    inputModalities: ["TEXT", "IMAGE"],
    supportsReasoning: true,
    inferenceTypesSupported: ["INFERENCE_PROFILE"],
  }),
  textModel("anthropic.claude-sonnet-4-20250514-v1:0", "Claude Sonnet 4", "Anthropic", {
    inputModalities: ["TEXT", "IMAGE"],
    supportsReasoning: true,
    inferenceTypesSupported: ["INFERENCE_PROFILE"],
  }),
  textModel("amazon.nova-micro-v1:0", "Nova Micro", "Amazon"),
  textModel("amazon.nova-lite-v1:0", "Nova Lite", "Amazon", { inputModalities: ["TEXT", "IMAGE", "VIDEO"] }),
  textModel("amazon.nova-pro-v1:0", "Nova Pro", "Amazon", { inputModalities: ["TEXT", "IMAGE", "VIDEO"] }),
  textModel("meta.llama3-1-8b-instruct-v1:0", "Llama 3.1 8B Instruct", "Meta", { supportsToolChoice: false }),
  textModel("mistral.mistral-large-2407-v1:0", "Mistral Large (24.07)", "Mistral AI"),
  embeddingModel("amazon.titan-embed-text-v2:0", "Titan Text Embeddings V2", "Amazon", 1024),
  embeddingModel("cohere.embed-english-v3", "Embed English", "Cohere", 1024),
];

// The HTTP layer imports the catalog's helpers from here; each lives in its own file.
export { resolveModelId } from "./resolve-model-id.js";
export type { FoundationModelSummary } from "./to-foundation-model-summary.js";
export { toFoundationModelSummary } from "./to-foundation-model-summary.js";
