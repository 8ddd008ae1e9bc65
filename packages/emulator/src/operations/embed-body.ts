import type { ModelInfo } from "../model/types.js";
import { malformed } from "./invoke-body-adapters.js";
import { estimateTokens, simulateEmbedding } from "./model-api.js";

/** An embedding answer: the response body and the input tokens it cost. */
export interface EmbeddingResult {
  body: unknown;
  inputTokens: number;
}

const TITAN_DIMENSIONS = [256, 512, 1024];
const COHERE_INPUT_TYPES = ["search_document", "search_query", "classification", "clustering"];

/**
 * Answers an embedding model's InvokeModel body: Titan `{ inputText, dimensions?, normalize? }` or Cohere
 * `{ texts, input_type, embedding_types? }`, with deterministic unit vectors of the model's dimension.
 *
 * @example
 * ```ts
 * embedBody({ inputText: "hello" }, titanModel, 42, "req-1").body; // => { embedding: [...], inputTextTokenCount: 2, ... }
 * ```
 */
export function embedBody(body: unknown, model: ModelInfo, seed: number, requestId: string): EmbeddingResult {
  const value = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (model.modelId.startsWith("cohere.")) return cohere(value, model, seed, requestId);
  const inputText = value.inputText;
  if (typeof inputText !== "string") throw malformed("#: required key [inputText] not found");
  if (inputText.length === 0) throw malformed("#/inputText: expected minLength: 1, actual: 0");
  const dimensions = value.dimensions ?? model.dimensions ?? 1024;
  if (typeof dimensions !== "number" || !TITAN_DIMENSIONS.includes(dimensions)) {
    throw malformed(`#/dimensions: ${String(dimensions)} is not a valid enum value`);
  }
  const embedding = simulateEmbedding(inputText, { seed, dimensions });
  const inputTokens = estimateTokens(inputText);
  return {
    body: { embedding, embeddingsByType: { float: embedding }, inputTextTokenCount: inputTokens },
    inputTokens,
  };
}

function cohere(
  value: Record<string, unknown>,
  model: ModelInfo,
  seed: number,
  requestId: string,
): EmbeddingResult {
  const texts = value.texts;
  if (!Array.isArray(texts) || texts.some((text) => typeof text !== "string")) {
    throw malformed("#: required key [texts] not found");
  }
  if (texts.length > 96) throw malformed(`#/texts: expected maximum item count: 96, found: ${texts.length}`);
  if (typeof value.input_type !== "string" || !COHERE_INPUT_TYPES.includes(value.input_type)) {
    throw malformed("#: required key [input_type] not found");
  }
  const dimensions = model.dimensions ?? 1024;
  const embeddings = (texts as string[]).map((text) => simulateEmbedding(text, { seed, dimensions }));
  const inputTokens = (texts as string[]).reduce((sum, text) => sum + estimateTokens(text), 0);
  const byType = Array.isArray(value.embedding_types);
  return {
    body: {
      id: requestId,
      texts,
      embeddings: byType ? { float: embeddings } : embeddings,
      response_type: byType ? "embeddings_by_type" : "embeddings_floats",
    },
    inputTokens,
  };
}
