import { BedrockKeysError, type BedrockKeysErrorOptions } from "../../errors/bedrock-keys-error.js";

/**
 * An argument of a key store method is invalid (`code: "INVALID_KEY_STORE_INPUT"`), e.g. a tenant id with
 * spaces. `issues` names each bad field and the rule it broke, never the value.
 *
 * @example
 * ```ts
 * try {
 *   await store.get("not a tenant id");
 * } catch (error) {
 *   if (KeyStoreInputError.isInstance(error)) console.error(error.issues);
 * }
 * ```
 */
export class KeyStoreInputError extends BedrockKeysError {
  static override readonly brand: string = "KeyStoreInputError";
  declare readonly code: "INVALID_KEY_STORE_INPUT";
  readonly issues: string[];

  constructor(issues: string[], options: BedrockKeysErrorOptions = {}) {
    super("INVALID_KEY_STORE_INPUT", `Invalid key store input: ${issues.join("; ")}.`, options);
    this.issues = issues;
  }
}
