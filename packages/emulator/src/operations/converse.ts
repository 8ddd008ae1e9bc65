import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ModelInfo, ModelRequest } from "../model/types.js";
import type { JsonModelCall } from "./model-call.js";
import { parseConverseRequest } from "./parse-converse-request.js";
import { modelOperation } from "./run-model-call.js";

const CONVERSE: JsonModelCall = {
  operation: "Converse",
  native: false,
  answer: "json",
  parse: parseChatBody,
  send(exchange, model, output, startedMs) {
    const response: Record<string, unknown> = {
      output: { message: { role: "assistant", content: output.content } },
      stopReason: output.stopReason,
      usage: output.usage,
      metrics: { latencyMs: Math.max(1, Math.round(performance.now() - startedMs)) },
    };
    // Claude reports the matched stop sequence in additionalModelResponseFields; other providers do not.
    if (output.stopSequence !== undefined && model.modelId.startsWith("anthropic.")) {
      response.additionalModelResponseFields = { stop_sequence: output.stopSequence };
    }
    exchange.sendJson(200, JSON.stringify(response));
  },
};

/**
 * `POST /model/{modelId}/converse`: validates, admits against quotas, applies faults and scripts, simulates and
 * answers `{ output: { message }, stopReason, usage, metrics }`.
 *
 * @example
 * ```ts
 * await converse(exchange, context, principal, "amazon.nova-lite-v1:0", entry);
 * ```
 */
export const converse = modelOperation(CONVERSE);

/**
 * Parses a Converse or ConverseStream body, refusing embedding models as Bedrock does for chat operations.
 *
 * @example
 * ```ts
 * const request = parseChatBody({ messages: [{ role: "user", content: [{ text: "Hi" }] }] }, model);
 * ```
 */
export function parseChatBody(body: unknown, model: ModelInfo): ModelRequest {
  if (model.kind !== "text") {
    throw new BedrockWireError(
      "ValidationException",
      "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    );
  }
  return parseConverseRequest(body, model);
}
