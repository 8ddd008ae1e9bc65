import type { Operation } from "../audit/audit-log.js";
import { modelAccessDenied } from "../auth/auth-messages.js";
import { isModelAllowed } from "../auth/is-model-allowed.js";
import type { Principal } from "../auth/principal.js";
import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ModelInfo } from "../model/types.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import { resolveModelId } from "./model-api.js";

const ACTIONS: Record<Operation, string> = {
  Converse: "bedrock:InvokeModel",
  ConverseStream: "bedrock:InvokeModelWithResponseStream",
  InvokeModel: "bedrock:InvokeModel",
  InvokeModelWithResponseStream: "bedrock:InvokeModelWithResponseStream",
  CountTokens: "bedrock:CountTokens",
  ListFoundationModels: "bedrock:ListFoundationModels",
};

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
