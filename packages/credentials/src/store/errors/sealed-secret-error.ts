import { BedrockKeysError, type BedrockKeysErrorOptions } from "../../errors/bedrock-keys-error.js";

/** Why a sealed secret could not be opened. */
export type SealedSecretErrorCode = "SEALED_SECRET_TAMPERED" | "SEALED_SECRET_UNSUPPORTED";

/**
 * A sealed secret failed to open with the right master key: `SEALED_SECRET_TAMPERED` when authentication failed
 * (its bytes were altered, or it was moved to another tenant or record), `SEALED_SECRET_UNSUPPORTED` when it is
 * truncated or of an unknown envelope version.
 *
 * @example
 * ```ts
 * try {
 *   await store.get("acme");
 * } catch (error) {
 *   if (SealedSecretError.isInstance(error)) console.error(error.code, error.tenantId, error.fingerprint);
 * }
 * ```
 */
export class SealedSecretError extends BedrockKeysError {
  static override readonly brand: string = "SealedSecretError";
  declare readonly code: SealedSecretErrorCode;
  readonly tenantId: string;
  readonly fingerprint: string;

  constructor(
    code: SealedSecretErrorCode,
    binding: { tenantId: string; fingerprint: string },
    options: BedrockKeysErrorOptions = {},
  ) {
    super(
      code,
      code === "SEALED_SECRET_TAMPERED"
        ? `The stored key ${binding.fingerprint} of tenant "${binding.tenantId}" failed authentication: it was altered or ` +
            "copied from another tenant. Revoke it and onboard the key again."
        : `The stored key ${binding.fingerprint} of tenant "${binding.tenantId}" is truncated or of an unknown format. ` +
            "Upgrade @bedrock-keys/credentials or onboard the key again.",
      options,
    );
    this.tenantId = binding.tenantId;
    this.fingerprint = binding.fingerprint;
  }
}
