import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ModelInfo, ModelRequest } from "../model/types.js";
import type { InvokeBodyAdapter } from "./invoke-body-adapters.js";

/**
 * Parses a native InvokeModel body with the provider's adapter; any complaint becomes a ValidationException with
 * the adapter's message (bodies are the caller's JSON, so errors are theirs to fix).
 *
 * @example
 * ```ts
 * const request = parseNativeBody(invokeBodyAdapterFor(model), body, model);
 * ```
 */
export function parseNativeBody(adapter: InvokeBodyAdapter, body: unknown, model: ModelInfo): ModelRequest {
  try {
    return adapter.parse(body, model);
  } catch (error) {
    if (BedrockWireError.isInstance(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new BedrockWireError("ValidationException", detail);
  }
}
