import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { StreamEvent } from "../stream/converse-stream-events.js";
import { invokeBodyAdapterFor } from "./invoke-body-adapters.js";
import { estimateTokens } from "./model-api.js";
import type { StreamModelCall } from "./model-call.js";
import { parseNativeBody } from "./parse-native-body.js";
import { modelOperation } from "./run-model-call.js";

const INVOKE_MODEL_WITH_RESPONSE_STREAM: StreamModelCall = {
  operation: "InvokeModelWithResponseStream",
  native: true,
  answer: "stream",
  parse(body, model) {
    if (model.kind !== "text" || !model.responseStreamingSupported) {
      throw new BedrockWireError("ValidationException", "The model is unsupported for streaming.");
    }
    return parseNativeBody(invokeBodyAdapterFor(model), body, model);
  },
  events(_context, model, output) {
    return invokeBodyAdapterFor(model)
      .toStreamChunks(output, model)
      .map((chunk): StreamEvent => {
        const json = JSON.stringify(chunk);
        const delta = (chunk as { type?: string }).type === "content_block_delta";
        return {
          eventType: "chunk",
          payload: { bytes: Buffer.from(json, "utf8").toString("base64") },
          outputTokens: delta ? Math.max(1, estimateTokens(json) - 8) : 0,
        };
      });
  },
};

/**
 * `POST /model/{modelId}/invoke-with-response-stream`: the provider's native stream chunks, each sent as a
 * `chunk` event whose payload is `{ "bytes": base64(JSON) }`.
 *
 * @example
 * ```ts
 * await invokeModelWithResponseStream(exchange, context, principal, "anthropic.claude-3-5-haiku-20241022-v1:0", entry);
 * ```
 */
export const invokeModelWithResponseStream = modelOperation(INVOKE_MODEL_WITH_RESPONSE_STREAM);
