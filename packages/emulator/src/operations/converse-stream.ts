import type { AuditEntry } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import { toConverseStreamEvents } from "../stream/converse-stream-events.js";
import { writeEventStream } from "../stream/write-event-stream.js";
import { admitQuota, DEFAULT_MAX_TOKENS } from "./admit-quota.js";
import { unsupportedModel } from "./converse.js";
import { inject } from "./inject.js";
import { countRequestTokens } from "./model-api.js";
import { parseConverseRequest } from "./parse-converse-request.js";
import { generationDelayMs, produceOutput } from "./produce-output.js";
import { readJsonBody } from "./read-json-body.js";
import { resolveAuthorizedModel } from "./resolve-authorized-model.js";

/**
 * `POST /model/{modelId}/converse-stream`: like Converse, answered as an event stream in Bedrock's order, with
 * latency paced per delta and injected mid-stream exceptions.
 *
 * @example
 * ```ts
 * await converseStream(exchange, context, principal, "amazon.nova-lite-v1:0", entry);
 * ```
 */
export async function converseStream(
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
): Promise<void> {
  const startedMs = performance.now();
  const model = resolveAuthorizedModel(context, principal, rawModelId, "ConverseStream");
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
    const injection = await inject(context, exchange, model, true);
    if (injection.fault !== undefined) entry.fault = injection.fault;
    if (injection.reset === true) return;
    if (injection.script !== undefined) entry.scripted = true;
    const output = produceOutput(context, model, request, injection);
    entry.inputTokens = output.usage.inputTokens;
    entry.outputTokens = output.usage.outputTokens;
    used = output.usage.inputTokens + output.usage.outputTokens;
    const latencyMs = Math.max(
      1,
      Math.round(
        performance.now() - startedMs + generationDelayMs(context.latency, output.usage.outputTokens),
      ),
    );
    const events = toConverseStreamEvents(output, latencyMs, {
      reportStopSequence: model.modelId.startsWith("anthropic."),
    });
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
