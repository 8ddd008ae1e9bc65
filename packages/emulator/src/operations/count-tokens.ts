import type { AuditEntry } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import { invokeBodyAdapterFor } from "./invoke-body-adapters.js";
import { countRequestTokens } from "./model-api.js";
import { parseConverseRequest } from "./parse-converse-request.js";
import { parseNativeBody } from "./parse-native-body.js";
import { readJsonBody } from "./read-json-body.js";
import { resolveAuthorizedModel } from "./resolve-authorized-model.js";

interface CountTokensBody {
  input?: { converse?: Record<string, unknown>; invokeModel?: { body?: unknown } };
}

/**
 * `POST /model/{modelId}/count-tokens`: `{ input: { converse } }` or `{ input: { invokeModel: { body } } }` (body
 * base64, as the SDK sends blobs), answered `{ inputTokens }` exactly as Converse would report them.
 *
 * @example
 * ```ts
 * await countTokens(exchange, context, principal, "anthropic.claude-3-5-haiku-20241022-v1:0", entry);
 * ```
 */
export async function countTokens(
  exchange: Exchange,
  context: EmulatorContext,
  principal: Principal,
  rawModelId: string,
  entry: AuditEntry,
): Promise<void> {
  const model = resolveAuthorizedModel(context, principal, rawModelId, "CountTokens");
  entry.modelId = model.modelId;
  const body = (await readJsonBody(exchange, context, { native: false })) as CountTokensBody;
  if (model.kind !== "text") {
    throw new BedrockWireError("ValidationException", "The provided model doesn't support counting tokens.");
  }
  const input = body?.input;
  let inputTokens: number;
  if (input?.converse !== undefined) {
    inputTokens = countRequestTokens(parseConverseRequest(input.converse, model));
  } else if (input?.invokeModel !== undefined) {
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
    inputTokens = countRequestTokens(parseNativeBody(invokeBodyAdapterFor(model), native, model));
  } else {
    throw new BedrockWireError(
      "ValidationException",
      "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must not be null",
    );
  }
  entry.inputTokens = inputTokens;
  exchange.sendJson(200, JSON.stringify({ inputTokens }));
}
