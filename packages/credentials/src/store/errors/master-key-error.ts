import { BedrockKeysError, type BedrockKeysErrorOptions } from "../../errors/bedrock-keys-error.js";

/** Why a master key could not be loaded. */
export type MasterKeyErrorCode = "MASTER_KEY_INVALID" | "MASTER_KEY_UNAVAILABLE" | "MASTER_KEY_FILE_INSECURE";

/**
 * The key store's master key could not be loaded: `MASTER_KEY_INVALID` (not 32 bytes of base64 or hex),
 * `MASTER_KEY_UNAVAILABLE` (no variable and no usable key file), `MASTER_KEY_FILE_INSECURE` (the key file is
 * readable by other users). The message never contains the key.
 *
 * @example
 * ```ts
 * try {
 *   loadMasterKey();
 * } catch (error) {
 *   if (MasterKeyError.isInstance(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class MasterKeyError extends BedrockKeysError {
  static override readonly brand: string = "MasterKeyError";
  declare readonly code: MasterKeyErrorCode;

  constructor(code: MasterKeyErrorCode, message: string, options: BedrockKeysErrorOptions = {}) {
    super(code, message, options);
  }
}
