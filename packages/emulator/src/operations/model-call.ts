import type { AuditEntry, Operation } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { ModelInfo, ModelOutput, ModelRequest } from "../model/types.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import type { StreamEvent } from "../stream/converse-stream-events.js";

/**
 * How an operation answers a request; the server's operation table holds these.
 *
 * @example
 * ```ts
 * const operation: ModelOperation = converse;
 * ```
 */
export type ModelOperation = (
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
) => Promise<void>;

/**
 * Answers a request outside the shared model path, once its body is read (InvokeModel's embeddings).
 *
 * @example
 * ```ts
 * const divert = (model: ModelInfo): ModelCallDivert | undefined => (model.kind === "embedding" ? embed : undefined);
 * ```
 */
export type ModelCallDivert = (
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  model: ModelInfo,
  body: unknown,
  entry: AuditEntry,
  startedMs: number,
) => Promise<void>;

interface ModelCallBase {
  readonly operation: Operation;
  /** The body is an opaque model payload (InvokeModel*): see readJsonBody. */
  readonly native: boolean;
  /** Checks that the model serves the operation and parses the body; throws the operation's wire errors. */
  parse(body: unknown, model: ModelInfo): ModelRequest;
  /** The handler that answers requests for `model` outside the shared path, if any. */
  divert?(model: ModelInfo): ModelCallDivert | undefined;
}

/**
 * An operation answered with one JSON document, sent after the simulated generation delay.
 *
 * @example
 * ```ts
 * const send: JsonModelCall["send"] = (exchange, model, output) => exchange.sendJson(200, JSON.stringify(output));
 * ```
 */
export interface JsonModelCall extends ModelCallBase {
  readonly answer: "json";
  send(exchange: Exchange, model: ModelInfo, output: ModelOutput, startedMs: number): void;
}

/**
 * An operation answered as an event stream (mid-stream faults apply).
 *
 * @example
 * ```ts
 * const events: StreamModelCall["events"] = (context, model, output) => toConverseStreamEvents(output, 1);
 * ```
 */
export interface StreamModelCall extends ModelCallBase {
  readonly answer: "stream";
  events(context: EmulatorContext, model: ModelInfo, output: ModelOutput, startedMs: number): StreamEvent[];
}

/**
 * An operation answered from the request's input token count alone: no quota, faults or scripts.
 *
 * @example
 * ```ts
 * const sendCount: CountModelCall["sendCount"] = (exchange, inputTokens) =>
 *   exchange.sendJson(200, JSON.stringify({ inputTokens }));
 * ```
 */
export interface CountModelCall extends ModelCallBase {
  readonly answer: "count";
  sendCount(exchange: Exchange, inputTokens: number): void;
}

/**
 * What one model operation does differently from the others: its name, body parsing and response rendering.
 *
 * @example
 * ```ts
 * const COUNT: ModelCall = { operation: "CountTokens", native: false, answer: "count", parse, sendCount };
 * ```
 */
export type ModelCall = JsonModelCall | StreamModelCall | CountModelCall;
