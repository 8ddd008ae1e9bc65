import type { AuditEntry } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import type { StreamEvent } from "../stream/converse-stream-events.js";
import { writeEventStream } from "../stream/write-event-stream.js";
import { admitQuota, DEFAULT_MAX_TOKENS } from "./admit-quota.js";
import { inject } from "./inject.js";
import { invokeBodyAdapterFor } from "./invoke-body-adapters.js";
import { countRequestTokens, estimateTokens } from "./model-api.js";
import { parseNativeBody } from "./parse-native-body.js";
import { produceOutput } from "./produce-output.js";
import { readJsonBody } from "./read-json-body.js";
import { resolveAuthorizedModel } from "./resolve-authorized-model.js";

/**
 * `POST /model/{modelId}/invoke-with-response-stream`: the provider's native stream chunks, each sent as a
 * `chunk` event whose payload is `{ "bytes": base64(JSON) }`.
 *
 * @example
 * ```ts
 * await invokeModelWithResponseStream(exchange, context, principal, "anthropic.claude-3-5-haiku-20241022-v1:0", entry);
 * ```
 */
export async function invokeModelWithResponseStream(
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
): Promise<void> {
  const model = resolveAuthorizedModel(context, principal, rawModelId, "InvokeModelWithResponseStream");
  entry.modelId = model.modelId;
  const body = await readJsonBody(exchange, context, { native: true });
  if (model.kind !== "text" || !model.responseStreamingSupported) {
    throw new BedrockWireError("ValidationException", "The model is unsupported for streaming.");
  }
  const adapter = invokeBodyAdapterFor(model);
  const request = parseNativeBody(adapter, body, model);
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
    const events: StreamEvent[] = adapter.toStreamChunks(output, model).map((chunk) => {
      const json = JSON.stringify(chunk);
      const delta = (chunk as { type?: string }).type === "content_block_delta";
      return {
        eventType: "chunk",
        payload: { bytes: Buffer.from(json, "utf8").toString("base64") },
        outputTokens: delta ? Math.max(1, estimateTokens(json) - 8) : 0,
      };
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
