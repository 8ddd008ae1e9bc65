import type { AuditEntry } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import { admitQuota, DEFAULT_MAX_TOKENS } from "./admit-quota.js";
import { embedBody } from "./embed-body.js";
import { inject } from "./inject.js";
import { invokeBodyAdapterFor } from "./invoke-body-adapters.js";
import { countRequestTokens } from "./model-api.js";
import { parseNativeBody } from "./parse-native-body.js";
import { generationDelayMs, produceOutput } from "./produce-output.js";
import { readJsonBody } from "./read-json-body.js";
import { resolveAuthorizedModel } from "./resolve-authorized-model.js";

/**
 * `POST /model/{modelId}/invoke`: a native body per provider (Anthropic Messages, Nova, Llama/Mistral prompts,
 * Titan and Cohere embeddings), answered with the provider's native JSON and Bedrock's token-count headers.
 *
 * @example
 * ```ts
 * await invokeModel(exchange, context, principal, "amazon.titan-embed-text-v2:0", entry);
 * ```
 */
export async function invokeModel(
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
): Promise<void> {
  const startedMs = performance.now();
  const model = resolveAuthorizedModel(context, principal, rawModelId, "InvokeModel");
  entry.modelId = model.modelId;
  const body = await readJsonBody(exchange, context, { native: true });
  if (model.kind === "embedding") {
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
    return;
  }
  const adapter = invokeBodyAdapterFor(model);
  const request = parseNativeBody(adapter, body, model);
  const inputTokens = countRequestTokens(request);
  const maxTokens = request.inferenceConfig?.maxTokens ?? DEFAULT_MAX_TOKENS;
  const reservation = admitQuota(context, principal, model, inputTokens + maxTokens);
  let used = 0;
  try {
    const injection = await inject(context, exchange, model, false);
    if (injection.fault !== undefined) entry.fault = injection.fault;
    if (injection.reset === true) return;
    if (injection.script !== undefined) entry.scripted = true;
    const output = produceOutput(context, model, request, injection);
    entry.inputTokens = output.usage.inputTokens;
    entry.outputTokens = output.usage.outputTokens;
    used = output.usage.inputTokens + output.usage.outputTokens;
    const delay = generationDelayMs(context.latency, output.usage.outputTokens);
    if (delay > 0) await context.sleep(delay);
    exchange.sendJson(200, JSON.stringify(adapter.toResponse(output, model)), {
      "x-amzn-bedrock-input-token-count": output.usage.inputTokens,
      "x-amzn-bedrock-output-token-count": output.usage.outputTokens,
      "x-amzn-bedrock-invocation-latency": Math.max(1, Math.round(performance.now() - startedMs)),
    });
  } finally {
    reservation.settle(used);
  }
}
