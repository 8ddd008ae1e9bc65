import type { Operation } from "../audit/audit-log.js";
import { modelAccessDenied } from "../auth/auth-messages.js";
import { isModelAllowed } from "../auth/is-model-allowed.js";
import type { Principal } from "../auth/principal.js";
import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import { injectedError, streamException } from "../errors/fault-errors.js";
import type { FaultKind } from "../faults/fault-injector.js";
import type { ModelInfo } from "../model/types.js";
import type { QuotaReservation } from "../quotas/quota-limiter.js";
import type { ScriptedResponse } from "../script/scripted-response.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import { BodyTooLargeError, type Exchange } from "../server/exchange.js";
import { resolveModelId } from "./model-api.js";

/** `maxTokens` assumed for the quota reservation when a request sets none. */
export const DEFAULT_MAX_TOKENS = 4096;

const ACTIONS: Record<Operation, string> = {
  Converse: "bedrock:InvokeModel",
  ConverseStream: "bedrock:InvokeModelWithResponseStream",
  InvokeModel: "bedrock:InvokeModel",
  InvokeModelWithResponseStream: "bedrock:InvokeModelWithResponseStream",
  CountTokens: "bedrock:CountTokens",
  ListFoundationModels: "bedrock:ListFoundationModels",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Resolves the path's model id (profiles, ARNs) and checks the principal's model access.
 *
 * @example
 * ```ts
 * const model = resolveAuthorizedModel(context, principal, "us.amazon.nova-lite-v1:0", "Converse");
 * ```
 */
export function resolveAuthorizedModel(
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  operation: Operation,
): ModelInfo {
  const model = resolveModelId(rawModelId, context.models);
  if (model === undefined) {
    throw new BedrockWireError("ValidationException", "The provided model identifier is invalid.");
  }
  if (!isModelAllowed(principal.allowedModels, model.modelId)) {
    throw new BedrockWireError(
      "AccessDeniedException",
      modelAccessDenied(principal.principalArn, ACTIONS[operation], context.region, model.modelId),
    );
  }
  return model;
}

/**
 * Reads and parses a JSON body: size limit, UTF-8, JSON syntax, and (when asked) an `application/json` type.
 * Operations whose body is an opaque model payload (`native`: InvokeModel) report bad JSON the way Bedrock reports
 * any malformed model input, as a ValidationException; structured operations report a SerializationException.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(exchange, context, { native: false });
 * ```
 */
export async function readJsonBody(
  exchange: Exchange,
  context: EmulatorContext,
  options: { native: boolean },
): Promise<unknown> {
  const contentType = exchange.headers["content-type"];
  if (
    !options.native &&
    contentType !== undefined &&
    !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)
  ) {
    throw new BedrockWireError(
      "UnsupportedMediaTypeException",
      `Unsupported Media Type: ${contentType.slice(0, 100)}`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await exchange.readBody(context.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new BedrockWireError(
        "ValidationException",
        `The request body is larger than the maximum allowed size of ${context.maxBodyBytes} bytes.`,
        { status: 413 },
      );
    }
    throw error;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw unparsable(options.native, "The request body is not valid UTF-8.");
  }
  if (text.length === 0 && !options.native) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw unparsable(options.native, "The request body could not be parsed as JSON.");
  }
}

function unparsable(native: boolean, message: string): BedrockWireError {
  return native
    ? new BedrockWireError(
        "ValidationException",
        "Malformed input request: #: expected type: JSONObject, please reformat your input and try again.",
      )
    : new BedrockWireError("SerializationException", message);
}

/**
 * Admits a request against the key's per-model quotas, reserving its input tokens plus `maxTokens`.
 *
 * @example
 * ```ts
 * const reservation = admitQuota(context, principal, model, 120 + 4096);
 * ```
 */
export function admitQuota(
  context: EmulatorContext,
  principal: Principal,
  model: ModelInfo,
  reservedTokens: number,
): QuotaReservation {
  const reservation = context.quotas.admit(`${principal.fingerprint}|${model.modelId}`, reservedTokens);
  if (reservation === undefined) throw injectedError("throttling");
  return reservation;
}

/** What to do besides simulating: a scripted reply, a mid-stream exception, or nothing. */
export interface Injection {
  script?: Exclude<ScriptedResponse, { error: unknown }>;
  midStream?: { type: string; message: string };
  /** The connection was reset; the caller must not respond. */
  reset?: boolean;
  fault?: FaultKind;
}

/**
 * Applies the next fault (throws wire errors, delays, resets) and takes the next scripted reply for the model.
 *
 * @example
 * ```ts
 * const injection = await inject(context, exchange, model, true);
 * ```
 */
export async function inject(
  context: EmulatorContext,
  exchange: Exchange,
  model: ModelInfo,
  streaming: boolean,
  useScripts = true,
): Promise<Injection> {
  const injection: Injection = {};
  const fault = context.faults.next();
  if (fault !== undefined) {
    injection.fault = fault;
    if (fault === "slow") await context.sleep(context.faults.slowMs);
    else if (fault === "connectionReset") {
      exchange.resetConnection();
      injection.reset = true;
      return injection;
    } else if (fault === "midStreamError" && streaming)
      injection.midStream = streamException("midStreamError");
    else throw injectedError(fault);
  }
  const script = useScripts ? context.scripts.take(model.modelId) : undefined;
  if (script === undefined) return injection;
  if (!("error" in script)) {
    injection.script = script;
    return injection;
  }
  if (script.error === "connectionReset") {
    exchange.resetConnection();
    injection.reset = true;
  } else if (streaming && (script.midStream === true || script.error === "midStreamError")) {
    injection.midStream = streamException(script.error, script.message);
  } else {
    throw injectedError(script.error, script.message);
  }
  return injection;
}
