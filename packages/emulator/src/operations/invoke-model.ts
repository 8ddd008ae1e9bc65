import { admitQuota } from "./admit-quota.js";
import { embedBody } from "./embed-body.js";
import { inject } from "./inject.js";
import { invokeBodyAdapterFor } from "./invoke-body-adapters.js";
import type { JsonModelCall, ModelCallDivert } from "./model-call.js";
import { parseNativeBody } from "./parse-native-body.js";
import { modelOperation } from "./run-model-call.js";

/** An embedding: quota on input tokens only, faults but no scripts, the first-token latency, one JSON answer. */
const invokeEmbedding: ModelCallDivert = async (
  exchange,
  context,
  principal,
  model,
  body,
  entry,
  startedMs,
) => {
  const result = embedBody(body, model, context.seed, exchange.requestId);
  const reservation = admitQuota(context, principal, model, result.inputTokens);
  const injection = await inject(context, exchange, model, false, false);
  if (injection.fault !== undefined) entry.fault = injection.fault;
  if (injection.reset === true) return;
  entry.inputTokens = result.inputTokens;
  if (context.latency.firstTokenMs > 0) await context.sleep(context.latency.firstTokenMs);
  exchange.sendJson(200, JSON.stringify(result.body), {
    "x-amzn-bedrock-input-token-count": result.inputTokens,
    "x-amzn-bedrock-invocation-latency": Math.max(1, Math.round(performance.now() - startedMs)),
  });
  reservation.settle(result.inputTokens);
};

const INVOKE_MODEL: JsonModelCall = {
  operation: "InvokeModel",
  native: true,
  answer: "json",
  divert: (model) => (model.kind === "embedding" ? invokeEmbedding : undefined),
  parse(body, model) {
    return parseNativeBody(invokeBodyAdapterFor(model), body, model);
  },
  send(exchange, model, output, startedMs) {
    exchange.sendJson(200, JSON.stringify(invokeBodyAdapterFor(model).toResponse(output, model)), {
      "x-amzn-bedrock-input-token-count": output.usage.inputTokens,
      "x-amzn-bedrock-output-token-count": output.usage.outputTokens,
      "x-amzn-bedrock-invocation-latency": Math.max(1, Math.round(performance.now() - startedMs)),
    });
  },
};

/**
 * `POST /model/{modelId}/invoke`: a native body per provider (Anthropic Messages, Nova, Llama/Mistral prompts,
 * Titan and Cohere embeddings), answered with the provider's native JSON and Bedrock's token-count headers.
 *
 * @example
 * ```ts
 * await invokeModel(exchange, context, principal, "amazon.titan-embed-text-v2:0", entry);
 * ```
 */
export const invokeModel = modelOperation(INVOKE_MODEL);
