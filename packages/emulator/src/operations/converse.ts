import type { AuditEntry } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import { admitQuota, DEFAULT_MAX_TOKENS } from "./admit-quota.js";
import { inject } from "./inject.js";
import { countRequestTokens } from "./model-api.js";
import { parseConverseRequest } from "./parse-converse-request.js";
import { generationDelayMs, produceOutput } from "./produce-output.js";
import { readJsonBody } from "./read-json-body.js";
import { resolveAuthorizedModel } from "./resolve-authorized-model.js";

/**
 * `POST /model/{modelId}/converse`: validates, admits against quotas, applies faults and scripts, simulates and
 * answers `{ output: { message }, stopReason, usage, metrics }`.
 *
 * @example
 * ```ts
 * await converse(exchange, context, principal, "amazon.nova-lite-v1:0", entry);
 * ```
 */
export async function converse(
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
): Promise<void> {
  const startedMs = performance.now();
  const model = resolveAuthorizedModel(context, principal, rawModelId, "Converse");
  entry.modelId = model.modelId;
  const body = await readJsonBody(exchange, context, { native: false });
  if (model.kind !== "text") throw unsupportedModel();
  const request = parseConverseRequest(body, model);
  const inputTokens = countRequestTokens(request);
  const reservation = admitQuota(
    context,
    principal,
    model,
    inputTokens + (request.inferenceConfig?.maxTokens ?? DEFAULT_MAX_TOKENS),
  );
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
  } finally {
    reservation.settle(used);
  }
}

/**
 * The error for an embedding model on a chat operation.
 *
 * @example
 * ```ts
 * if (model.kind !== "text") throw unsupportedModel();
 * ```
 */
export function unsupportedModel(): BedrockWireError {
  return new BedrockWireError(
    "ValidationException",
    "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
  );
}
