import type { ModelInfo } from "./types.js";

/** One entry of ListFoundationModels' `modelSummaries` (GET /foundation-models). */
export interface FoundationModelSummary {
  modelArn: string;
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  responseStreamingSupported: boolean;
  customizationsSupported: string[];
  inferenceTypesSupported: string[];
  modelLifecycle: { status: "ACTIVE" | "LEGACY" };
}

/**
 * Shapes a catalog model like an entry of ListFoundationModels' `modelSummaries[]`.
 *
 * @example
 * ```ts
 * toFoundationModelSummary(DEFAULT_MODELS[0]!, "us-east-1").modelArn;
 * // => "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"
 * ```
 */
export function toFoundationModelSummary(model: ModelInfo, region: string): FoundationModelSummary {
  return {
    modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.modelId}`,
    modelId: model.modelId,
    modelName: model.modelName,
    providerName: model.providerName,
    inputModalities: [...model.inputModalities],
    outputModalities: [...model.outputModalities],
    responseStreamingSupported: model.responseStreamingSupported,
    customizationsSupported: [],
    inferenceTypesSupported: [...(model.inferenceTypesSupported ?? ["ON_DEMAND"])],
    modelLifecycle: { status: "ACTIVE" },
  };
}
