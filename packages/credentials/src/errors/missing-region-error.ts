import { BedrockKeysError, type BedrockKeysErrorOptions } from "./bedrock-keys-error.js";

/**
 * No region could be determined: the key is long-term (it carries none), no `region` option was given, and
 * neither `AWS_REGION` nor `AWS_DEFAULT_REGION` is set.
 *
 * @example
 * ```ts
 * if (MissingRegionError.isInstance(error)) console.log("pass { region: 'us-east-1' }");
 * ```
 */
export class MissingRegionError extends BedrockKeysError {
  static override readonly brand: string = "MissingRegionError";

  declare readonly code: "MISSING_REGION";

  constructor(options: BedrockKeysErrorOptions = {}) {
    super(
      "MISSING_REGION",
      "No AWS region: long-term Bedrock keys carry none. Pass the region option or set AWS_REGION (or AWS_DEFAULT_REGION).",
      options,
    );
  }
}
