import { z } from "zod";
import type { BedrockApiKey } from "../key/bedrock-api-key.js";

/** Options of {@link listFoundationModels}. */
export interface ListFoundationModelsOptions {
  key: BedrockApiKey;
  region: string;
  /** The control-plane endpoint; default `https://bedrock.<region>.amazonaws.com` (an emulator serves both). */
  endpoint?: string;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/** One model as ListFoundationModels describes it (the fields onboarding reads). */
export interface FoundationModelSummary {
  modelId: string;
  modelName?: string;
  providerName?: string;
  outputModalities: string[];
  inferenceTypesSupported: string[];
}

// Lenient: read only what onboarding uses, ignore the rest.
const responseSchema = z.object({
  modelSummaries: z.array(
    z.object({
      modelId: z.string(),
      modelName: z.string().optional(),
      providerName: z.string().optional(),
      outputModalities: z.array(z.string()).default([]),
      inferenceTypesSupported: z.array(z.string()).default([]),
    }),
  ),
});

/**
 * `GET /foundation-models` (the control plane's ListFoundationModels) with the key as a bearer token. That
 * operation belongs to the `bedrock` service, not `bedrock-runtime`, so it is a small `fetch` rather than a
 * `BedrockRuntimeClient` call. Throws a plain `Error` naming the HTTP status (never the key) on failure.
 *
 * @example
 * ```ts
 * const models = await listFoundationModels({ key, region: "us-east-1" });
 * ```
 */
export async function listFoundationModels(
  options: ListFoundationModelsOptions,
): Promise<FoundationModelSummary[]> {
  const base = options.endpoint ?? `https://bedrock.${options.region}.amazonaws.com`;
  const url = new URL("/foundation-models", base);
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    method: "GET",
    headers: { authorization: `Bearer ${options.key.reveal()}`, accept: "application/json" },
    ...(options.signal && { signal: options.signal }),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`ListFoundationModels answered HTTP ${response.status}.`);
  }
  const parsed = responseSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error("ListFoundationModels answered with an unexpected body.");
  return parsed.data.modelSummaries.map((summary) => ({
    modelId: summary.modelId,
    outputModalities: summary.outputModalities,
    inferenceTypesSupported: summary.inferenceTypesSupported,
    ...(summary.modelName !== undefined && { modelName: summary.modelName }),
    ...(summary.providerName !== undefined && { providerName: summary.providerName }),
  }));
}
