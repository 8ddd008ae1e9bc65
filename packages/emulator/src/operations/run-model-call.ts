import type { AuditEntry } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import { writeEventStream } from "../stream/write-event-stream.js";
import { admitQuota, DEFAULT_MAX_TOKENS } from "./admit-quota.js";
import { inject } from "./inject.js";
import { countRequestTokens } from "./model-api.js";
import type { ModelCall, ModelOperation } from "./model-call.js";
import { generationDelayMs, produceOutput } from "./produce-output.js";
import { readJsonBody } from "./read-json-body.js";
import { resolveAuthorizedModel } from "./resolve-authorized-model.js";

/**
 * The operation that runs `call` on the shared path (bound once at load, so no allocation per request).
 *
 * @example
 * ```ts
 * export const converse = modelOperation(CONVERSE);
 * ```
 */
export function modelOperation(call: ModelCall): ModelOperation {
  return (exchange, context, principal, rawModelId, entry) =>
    runModelCall(call, exchange, context, principal, rawModelId, entry);
}

/**
 * The path every model operation shares: resolve and authorize the model, read and parse the body, count input
 * tokens, admit the quota reservation (input + maxTokens), apply faults and scripts, produce the output, record
 * usage in the audit entry, answer as the operation renders it, and settle the reservation with the tokens used.
 *
 * @example
 * ```ts
 * await runModelCall(CONVERSE, exchange, context, principal, "amazon.nova-lite-v1:0", entry);
 * ```
 */
export async function runModelCall(
  call: ModelCall,
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
): Promise<void> {
  const startedMs = performance.now();
  const model = resolveAuthorizedModel(context, principal, rawModelId, call.operation);
  entry.modelId = model.modelId;
  const body = await readJsonBody(exchange, context, { native: call.native });
  const divert = call.divert?.(model);
  if (divert !== undefined) {
    await divert(exchange, context, principal, model, body, entry, startedMs);
    return;
  }
  const request = call.parse(body, model);
  const inputTokens = countRequestTokens(request);
  if (call.answer === "count") {
    entry.inputTokens = inputTokens;
    call.sendCount(exchange, inputTokens);
    return;
  }
  const reservation = admitQuota(
    context,
    principal,
    model,
    inputTokens + (request.inferenceConfig?.maxTokens ?? DEFAULT_MAX_TOKENS),
  );
  let used = 0;
  try {
    const injection = await inject(context, exchange, model, call.answer === "stream");
    if (injection.fault !== undefined) entry.fault = injection.fault;
    if (injection.reset === true) return;
    if (injection.script !== undefined) entry.scripted = true;
    const output = produceOutput(context, model, request, injection);
    entry.inputTokens = output.usage.inputTokens;
    entry.outputTokens = output.usage.outputTokens;
    used = output.usage.inputTokens + output.usage.outputTokens;
    if (call.answer === "json") {
      const delay = generationDelayMs(context.latency, output.usage.outputTokens);
      if (delay > 0) await context.sleep(delay);
      call.send(exchange, model, output, startedMs);
      return;
    }
    const events = call.events(context, model, output, startedMs);
    if (injection.midStream !== undefined) {
      // The exception replaces the usage report, so the client is told of no tokens; the audit agrees with it.
      entry.errorType = injection.midStream.type;
      entry.inputTokens = 0;
      entry.outputTokens = 0;
    }
    await writeEventStream(exchange, context, events, injection.midStream);
  } finally {
    reservation.settle(used);
  }
}
