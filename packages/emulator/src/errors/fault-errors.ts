import { BedrockWireError, type WireErrorType } from "./bedrock-wire-error.js";

/** Error kinds that scripts and faults can inject, mapped to Bedrock's error and its usual message. */
export const INJECTABLE_ERRORS = {
  throttling: ["ThrottlingException", "Too many requests, please wait before trying again."],
  serviceUnavailable: ["ServiceUnavailableException", "Bedrock is unable to process your request."],
  internalServer: [
    "InternalServerException",
    "The system encountered an unexpected error during processing. Try your request again.",
  ],
  modelNotReady: [
    "ModelNotReadyException",
    "Model is not ready for inference. Wait and try your request again.",
  ],
  modelTimeout: [
    "ModelTimeoutException",
    "Model has timed out in processing the request. Try your request again.",
  ],
  validation: ["ValidationException", "The request failed validation."],
  accessDenied: ["AccessDeniedException", "You don't have access to the model with the specified model ID."],
  midStreamError: ["ModelErrorException", "The model returned an error while generating the response."],
} as const satisfies Record<string, readonly [WireErrorType, string]>;

/** An error kind accepted by `emulator.script([{ error }])`, besides `connectionReset`. */
export type InjectableErrorKind = keyof typeof INJECTABLE_ERRORS;

/**
 * Builds the wire error for an injected error kind, with an optional replacement message.
 *
 * @example
 * ```ts
 * injectedError("throttling").status // => 429
 * ```
 */
export function injectedError(kind: InjectableErrorKind, message?: string): BedrockWireError {
  const [type, defaultMessage] = INJECTABLE_ERRORS[kind];
  return new BedrockWireError(type, message ?? defaultMessage);
}

/**
 * The lowerCamel `:exception-type` and message used for an exception frame inside an event stream.
 *
 * @example
 * ```ts
 * streamException("throttling").type // => "throttlingException"
 * ```
 */
export function streamException(
  kind: InjectableErrorKind,
  message?: string,
): { type: string; message: string } {
  if (kind === "midStreamError") {
    return {
      type: "modelStreamErrorException",
      message: message ?? "The model stream was interrupted by an error. Try your request again.",
    };
  }
  const [type, defaultMessage] = INJECTABLE_ERRORS[kind];
  return { type: type.charAt(0).toLowerCase() + type.slice(1), message: message ?? defaultMessage };
}
