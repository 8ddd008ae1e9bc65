import type { AuditEntry } from "../audit/audit-log.js";
import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import { converse } from "../operations/converse.js";
import { converseStream } from "../operations/converse-stream.js";
import { countTokens } from "../operations/count-tokens.js";
import { invokeModel } from "../operations/invoke-model.js";
import { invokeModelWithResponseStream } from "../operations/invoke-model-with-response-stream.js";
import { listFoundationModels } from "../operations/list-foundation-models.js";
import type { ModelOperation } from "../operations/model-call.js";
import { encodeException } from "../stream/event-stream-encoder.js";
import type { EmulatorContext } from "./emulator-context.js";
import { ClientClosedError, type Exchange } from "./exchange.js";
import { matchRoute, type Route } from "./match-route.js";

const MODEL_OPERATIONS: Record<string, ModelOperation> = {
  Converse: converse,
  ConverseStream: converseStream,
  InvokeModel: invokeModel,
  InvokeModelWithResponseStream: invokeModelWithResponseStream,
  CountTokens: countTokens,
};

const ATTEMPT = /attempt=(\d+)/;

/**
 * The request pipeline: route, authenticate (`Authorization: Bearer`), run the operation, turn thrown wire errors
 * into Bedrock-shaped responses, and record an audit entry when the response ends.
 *
 * @example
 * ```ts
 * const server = createDualProtocolServer(createRequestHandler(context));
 * ```
 */
export function createRequestHandler(context: EmulatorContext): (exchange: Exchange) => void {
  return (exchange) => {
    const entry: AuditEntry = {
      time: new Date(context.now()).toISOString(),
      requestId: exchange.requestId,
      status: 0,
      inputTokens: 0,
      outputTokens: 0,
      httpVersion: exchange.httpVersion,
      startedAt: performance.timeOrigin + performance.now(),
      endedAt: 0,
    };
    const attempt = ATTEMPT.exec(String(exchange.headers["amz-sdk-request"] ?? ""));
    if (attempt !== null) entry.attempt = Number(attempt[1]);
    const finish = (): void => {
      entry.endedAt = performance.timeOrigin + performance.now();
      entry.status = exchange.status;
      context.audit.record(entry);
    };
    serve(exchange, context, entry)
      .catch((error: unknown) => {
        const wire = BedrockWireError.isInstance(error)
          ? error
          : new BedrockWireError("InternalServerException", "The emulator failed to process the request.");
        if (!BedrockWireError.isInstance(error) && !(error instanceof ClientClosedError) && !context.closed) {
          console.error("[bedrock-emulator] unexpected error", error);
        }
        if (entry.errorType === undefined) entry.errorType = wire.errorType;
        if (exchange.isEventStream) {
          const type = wire.errorType.charAt(0).toLowerCase() + wire.errorType.slice(1);
          exchange.end(encodeException(type, wire.message));
        } else if (exchange.status !== 0) exchange.end();
        else exchange.sendError(wire, { closeConnection: wire.status === 413 });
      })
      // Recorded as soon as the response is ended (not on "close"), so a client that has just read the last byte
      // always finds its entry.
      .finally(finish);
  };
}

async function serve(exchange: Exchange, context: EmulatorContext, entry: AuditEntry): Promise<void> {
  const route: Route | "bad-model-id" | undefined = matchRoute(exchange.method, exchange.url);
  if (route === undefined) {
    throw new BedrockWireError(
      "UnknownOperationException",
      "The requested operation is not recognized by the service.",
    );
  }
  if (route === "bad-model-id") {
    throw new BedrockWireError("ValidationException", "The provided model identifier is invalid.");
  }
  entry.operation = route.operation;
  if (route.modelId !== undefined) {
    entry.requestedModelId = route.modelId;
    entry.modelId = route.modelId;
  }
  const outcome = context.authenticator.authenticate(exchange.headers.authorization, context.now());
  if (outcome.fingerprint !== undefined) entry.fingerprint = outcome.fingerprint;
  if (outcome.keyKind !== undefined) entry.keyKind = outcome.keyKind;
  if (outcome.error !== undefined) throw outcome.error;
  const principal = outcome.principal!;
  if (route.operation === "ListFoundationModels") {
    listFoundationModels(exchange, context);
    return;
  }
  const operation = MODEL_OPERATIONS[route.operation]!;
  await operation(exchange, context, principal, route.modelId ?? "", entry);
}
