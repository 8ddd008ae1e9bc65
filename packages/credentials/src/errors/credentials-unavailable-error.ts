import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * The AWS credential provider failed, so no short-term key could be minted. `cause` holds the provider's error.
 *
 * @example
 * ```ts
 * if (CredentialsUnavailableError.isInstance(error)) console.log(error.message);
 * ```
 */
export class CredentialsUnavailableError extends BedrockKeysError {
  static override readonly brand: string = "CredentialsUnavailableError";

  declare readonly code: "CREDENTIALS_UNAVAILABLE";

  constructor(message: string, options: BedrockKeysErrorOptions = {}) {
    super("CREDENTIALS_UNAVAILABLE", message, options);
  }
}
