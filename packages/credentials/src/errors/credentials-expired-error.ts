import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * The AWS credentials meant to sign a short-term key have already expired, so no working key can be minted.
 *
 * @example
 * ```ts
 * if (CredentialsExpiredError.isInstance(error)) console.log("expired at", error.expiredAt);
 * ```
 */
export class CredentialsExpiredError extends BedrockKeysError {
  static override readonly brand: string = "CredentialsExpiredError";

  declare readonly code: "CREDENTIALS_EXPIRED";
  readonly expiredAt: Date;

  constructor(expiredAt: Date, options: BedrockKeysErrorOptions = {}) {
    super(
      "CREDENTIALS_EXPIRED",
      `The AWS credentials expired at ${expiredAt.toISOString()}, so they cannot mint a Bedrock key. ` +
        "Refresh them (for example `aws sso login`) or pass a credential provider that refreshes.",
      options,
    );
    this.expiredAt = expiredAt;
  }
}
