import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * Why a pasted text is not a usable Bedrock API key. Stable: branch on these, never on the message.
 *
 * | code | meaning |
 * | --- | --- |
 * | `EMPTY` | nothing (or only a prefix such as `Bearer `) was pasted |
 * | `MULTIPLE_KEYS` | two or more keys were pasted at once |
 * | `AWS_ACCESS_KEY_ID` | an AWS access key id (`AKIA…`, `ASIA…`) |
 * | `AWS_SECRET_ACCESS_KEY` | a 40-character AWS secret access key |
 * | `AWS_SESSION_TOKEN` | an AWS session token (`IQoJ…`) |
 * | `OPENAI_KEY` / `ANTHROPIC_KEY` / `GOOGLE_API_KEY` | another vendor's API key |
 * | `JWT` | a JSON Web Token (`eyJ….….…`) |
 * | `CREDENTIAL_ID` | the key's service-specific credential ID (`ACCA…`) instead of the key |
 * | `SERVICE_USER_NAME` | the IAM service user name (`BedrockAPIKey-…-at-…`) instead of the key |
 * | `DECODED_KEY` | a key that was base64-decoded (or a raw presigned URL) instead of the key itself |
 * | `MISSING_PREFIX` | a key without its `ABSK` / `bedrock-api-key-` prefix |
 * | `REDACTED_KEY` | a masked, redacted or placeholder form (`ABSK****`, `ABSK…(3f2a9c1d)`, `<your-key>`) |
 * | `TRUNCATED` | the key is cut off |
 * | `CORRUPTED_BASE64` | characters outside the key's alphabet, or bytes that do not decode |
 * | `MISSING_SIGNATURE` | a short-term key without its SigV4 signature parameters |
 * | `MALFORMED_SHORT_TERM_KEY` | a short-term key whose presigned URL is not a valid `CallWithBearerToken` request |
 * | `EXPIRED` | a short-term key past its expiry |
 * | `NOT_YET_VALID` | a short-term key dated more than 5 minutes in the future |
 * | `EXTRA_TEXT` | a key mixed with other text, such as the other lines of a `.env` file |
 * | `UNRECOGNIZED` | anything else |
 */
export type BedrockKeyFormatErrorCode =
  | "EMPTY"
  | "MULTIPLE_KEYS"
  | "AWS_ACCESS_KEY_ID"
  | "AWS_SECRET_ACCESS_KEY"
  | "AWS_SESSION_TOKEN"
  | "OPENAI_KEY"
  | "ANTHROPIC_KEY"
  | "GOOGLE_API_KEY"
  | "JWT"
  | "CREDENTIAL_ID"
  | "SERVICE_USER_NAME"
  | "DECODED_KEY"
  | "MISSING_PREFIX"
  | "REDACTED_KEY"
  | "TRUNCATED"
  | "CORRUPTED_BASE64"
  | "MISSING_SIGNATURE"
  | "MALFORMED_SHORT_TERM_KEY"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "EXTRA_TEXT"
  | "UNRECOGNIZED";

/** Extra facts a format error may carry; none of them is key material. */
export interface BedrockKeyFormatErrorDetails extends BedrockKeysErrorOptions {
  /** For `EXPIRED`: when the key stopped working. */
  expiredAt?: Date;
  /** For `NOT_YET_VALID`: when the key was signed. */
  issuedAt?: Date;
  /** The kind of Bedrock key it looked like, when it looked like one. */
  kind?: "long-term" | "short-term";
}

/**
 * A pasted text is not a usable Bedrock API key. `code` says why; the message says what to do next and never
 * repeats the input.
 *
 * @example
 * ```ts
 * try {
 *   parseBedrockApiKey("AKIAIOSFODNN7EXAMPLE");
 * } catch (error) {
 *   if (BedrockKeyFormatError.isInstance(error)) error.code; // "AWS_ACCESS_KEY_ID"
 * }
 * ```
 */
export class BedrockKeyFormatError extends BedrockKeysError {
  static override readonly brand: string = "BedrockKeyFormatError";

  declare readonly code: BedrockKeyFormatErrorCode;
  /** For `EXPIRED`: when the key stopped working. */
  readonly expiredAt: Date | undefined;
  /** For `NOT_YET_VALID`: when the key was signed. */
  readonly issuedAt: Date | undefined;
  /** The kind of Bedrock key it looked like, when it looked like one. */
  readonly kind: "long-term" | "short-term" | undefined;

  constructor(code: BedrockKeyFormatErrorCode, message: string, details: BedrockKeyFormatErrorDetails = {}) {
    super(code, message, "cause" in details ? { cause: details.cause } : {});
    this.expiredAt = details.expiredAt;
    this.issuedAt = details.issuedAt;
    this.kind = details.kind;
  }
}
