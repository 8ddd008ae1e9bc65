import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * An option passed to one of this package's functions is out of range or of the wrong type, for example
 * `expiresInSeconds` outside (0, 43200].
 *
 * @example
 * ```ts
 * if (InvalidOptionsError.isInstance(error)) console.log(error.option); // "expiresInSeconds"
 * ```
 */
export class InvalidOptionsError extends BedrockKeysError {
  static override readonly brand: string = "InvalidOptionsError";

  declare readonly code: "INVALID_OPTIONS";
  /** The offending option's name. */
  readonly option: string;

  constructor(option: string, message: string, options: BedrockKeysErrorOptions = {}) {
    super("INVALID_OPTIONS", message, options);
    this.option = option;
  }
}
