import { BedrockKeysError } from "../../errors/bedrock-keys-error.js";

/**
 * A sealed secret (or a whole store) was sealed under a different master key than the one loaded
 * (`code: "MASTER_KEY_MISMATCH"`). Both key ids are public one-way identifiers, safe to log.
 *
 * @example
 * ```ts
 * try {
 *   await store.get("acme");
 * } catch (error) {
 *   if (MasterKeyMismatchError.isInstance(error)) console.error(error.expectedKeyId, error.actualKeyId);
 * }
 * ```
 */
export class MasterKeyMismatchError extends BedrockKeysError {
  static override readonly brand: string = "MasterKeyMismatchError";
  declare readonly code: "MASTER_KEY_MISMATCH";
  /** The id of the master key the data was sealed with. */
  readonly expectedKeyId: string;
  /** The id of the master key that was loaded. */
  readonly actualKeyId: string;

  constructor(ids: { expectedKeyId: string; actualKeyId: string }) {
    super(
      "MASTER_KEY_MISMATCH",
      `The key store was sealed with master key ${ids.expectedKeyId}, but master key ${ids.actualKeyId} is loaded. ` +
        "Set BEDROCK_KEYS_MASTER_KEY (or the key file) to the master key this store was created with.",
    );
    this.expectedKeyId = ids.expectedKeyId;
    this.actualKeyId = ids.actualKeyId;
  }
}
