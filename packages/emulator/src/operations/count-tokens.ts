import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import { invokeBodyAdapterFor } from "./invoke-body-adapters.js";
import type { CountModelCall } from "./model-call.js";
import { parseConverseRequest } from "./parse-converse-request.js";
import { parseNativeBody } from "./parse-native-body.js";
import { modelOperation } from "./run-model-call.js";

interface CountTokensBody {
  input?: { converse?: Record<string, unknown>; invokeModel?: { body?: unknown } };
}

const COUNT_TOKENS: CountModelCall = {
  operation: "CountTokens",
  native: false,
  answer: "count",
  parse(body, model) {
    if (model.kind !== "text") {
      throw new BedrockWireError(
        "ValidationException",
        "The provided model doesn't support counting tokens.",
      );
    }
    const input = (body as CountTokensBody)?.input;
    if (input?.converse !== undefined) return parseConverseRequest(input.converse, model);
    if (input?.invokeModel !== undefined) {
      const encoded = input.invokeModel.body;
      if (typeof encoded !== "string") {
        throw new BedrockWireError(
          "ValidationException",
          "Value at 'input.invokeModel.body' failed to satisfy constraint: Member must not be null",
        );
      }
      let native: unknown;
      try {
        native = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
      } catch {
        throw new BedrockWireError(
          "ValidationException",
          "The provided input.invokeModel.body is not valid JSON.",
        );
      }
      return parseNativeBody(invokeBodyAdapterFor(model), native, model);
    }
    throw new BedrockWireError(
      "ValidationException",
      "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must not be null",
    );
  },
  sendCount(exchange, inputTokens) {
    exchange.sendJson(200, JSON.stringify({ inputTokens }));
  },
};

/**
 * `POST /model/{modelId}/count-tokens`: `{ input: { converse } }` or `{ input: { invokeModel: { body } } }` (body
 * base64, as the SDK sends blobs), answered `{ inputTokens }` exactly as Converse would report them.
 *
 * @example
 * ```ts
 * await countTokens(exchange, context, principal, "anthropic.claude-3-5-haiku-20241022-v1:0", entry);
 * ```
 */
export const countTokens = modelOperation(COUNT_TOKENS);
