import { BedrockKeysError } from "../../errors/bedrock-keys-error.js";

/**
 * A rotation stopped because the new key failed verification (`code: "ROTATION_VERIFICATION_FAILED"`). The new
 * key was removed and the old key is still active; `cause` is what `verify` threw.
 *
 * @example
 * ```ts
 * try {
 *   await store.rotate("acme", newKey, { verify });
 * } catch (error) {
 *   if (KeyRotationError.isInstance(error)) console.error(error.message, error.cause);
 * }
 * ```
 */
export class KeyRotationError extends BedrockKeysError {
  static override readonly brand: string = "KeyRotationError";
  declare readonly code: "ROTATION_VERIFICATION_FAILED";
  readonly tenantId: string;
  readonly fingerprint: string;

  constructor(tenantId: string, fingerprint: string, cause: unknown) {
    super(
      "ROTATION_VERIFICATION_FAILED",
      `The new key ${fingerprint} of tenant "${tenantId}" failed verification, so the rotation was undone and the ` +
        "old key stays active. See `cause`, fix the key, and rotate again.",
      { cause },
    );
    this.tenantId = tenantId;
    this.fingerprint = fingerprint;
  }
}
