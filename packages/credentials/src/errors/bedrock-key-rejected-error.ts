import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * Why Bedrock refused a key (HTTP 403), as read from its answer.
 *
 * - `INVALID_KEY`: not a Bedrock key at all ("Invalid API Key format: Must start with pre-defined prefix").
 * - `EXPIRED_OR_WRONG_REGION`: a real key that is expired, revoked, inactive or used in another region
 *   ("Authentication failed: Please make sure your API Key is valid.").
 * - `MISSING_PERMISSION`: the key's IAM identity lacks `bedrock:CallWithBearerToken`.
 * - `DENIED_BY_POLICY`: an explicit deny (identity policy, SCP, permission boundary) blocks it.
 * - `MODEL_ACCESS_DENIED`: the key works but may not call this model.
 */
export type BedrockKeyRejectionReason =
  | "INVALID_KEY"
  | "EXPIRED_OR_WRONG_REGION"
  | "MISSING_PERMISSION"
  | "DENIED_BY_POLICY"
  | "MODEL_ACCESS_DENIED";

/** Fields of a {@link BedrockKeyRejectedError}. */
export interface BedrockKeyRejectedErrorDetails extends BedrockKeysErrorOptions {
  reason: BedrockKeyRejectionReason;
  remediation: string;
  /** HTTP status of Bedrock's answer (403). */
  statusCode?: number;
  /** `x-amzn-RequestId` of Bedrock's answer, for support tickets. */
  requestId?: string;
}

/**
 * Bedrock refused the key. Made by {@link explainBedrockError} from the SDK's `AccessDeniedException`;
 * `reason` says why and `remediation` what to do.
 *
 * @example
 * ```ts
 * const explained = explainBedrockError(error);
 * if (BedrockKeyRejectedError.isInstance(explained)) console.error(explained.reason, explained.remediation);
 * ```
 */
export class BedrockKeyRejectedError extends BedrockKeysError {
  static override readonly brand: string = "BedrockKeyRejectedError";

  declare readonly code: "KEY_REJECTED";
  readonly reason: BedrockKeyRejectionReason;
  /** One line telling the user what to do. */
  readonly remediation: string;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, details: BedrockKeyRejectedErrorDetails) {
    super("KEY_REJECTED", message, "cause" in details ? { cause: details.cause } : {});
    this.reason = details.reason;
    this.remediation = details.remediation;
    this.statusCode = details.statusCode;
    this.requestId = details.requestId;
  }
}
