import { BedrockKeysError } from "../../errors/bedrock-keys-error.js";

/**
 * The tenant's active stored key has expired (`code: "STORED_KEY_EXPIRED"`), so it is not sent to Bedrock.
 *
 * @example
 * ```ts
 * try {
 *   await fromKeyStore(store, "acme")();
 * } catch (error) {
 *   if (StoredKeyExpiredError.isInstance(error)) console.error("re-onboard", error.tenantId, error.expiredAt);
 * }
 * ```
 */
export class StoredKeyExpiredError extends BedrockKeysError {
  static override readonly brand: string = "StoredKeyExpiredError";
  declare readonly code: "STORED_KEY_EXPIRED";
  readonly tenantId: string;
  readonly fingerprint: string;
  readonly expiredAt: Date;

  constructor(tenantId: string, fingerprint: string, expiredAt: Date) {
    super(
      "STORED_KEY_EXPIRED",
      `The active key ${fingerprint} of tenant "${tenantId}" expired at ${expiredAt.toISOString()}. ` +
        "Onboard a new key (a long-term key, or one minted from AWS credentials) or rotate to one.",
    );
    this.tenantId = tenantId;
    this.fingerprint = fingerprint;
    this.expiredAt = expiredAt;
  }
}
