import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * No Bedrock API key was available: none was passed and `AWS_BEARER_TOKEN_BEDROCK` is unset or blank.
 * `blank` tells the two apart (a blank variable counts as absent).
 *
 * @example
 * ```ts
 * if (MissingApiKeyError.isInstance(error) && error.blank) console.log("AWS_BEARER_TOKEN_BEDROCK is empty");
 * ```
 */
export class MissingApiKeyError extends BedrockKeysError {
  static override readonly brand: string = "MissingApiKeyError";

  declare readonly code: "MISSING_API_KEY";
  /** The variable exists but is empty or whitespace. */
  readonly blank: boolean;

  constructor(message: string, options: BedrockKeysErrorOptions & { blank?: boolean } = {}) {
    super("MISSING_API_KEY", message, "cause" in options ? { cause: options.cause } : {});
    this.blank = options.blank ?? false;
  }
}
