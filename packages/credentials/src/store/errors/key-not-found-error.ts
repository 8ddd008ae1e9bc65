import { BedrockKeysError } from "../../errors/bedrock-keys-error.js";

/**
 * The key store has no such key: `KEY_NOT_FOUND` (no record with that tenant and fingerprint) or
 * `NO_ACTIVE_KEY` (the tenant has no active key, e.g. it was never onboarded or every key was revoked).
 *
 * @example
 * ```ts
 * try {
 *   await fromKeyStore(store, "acme")();
 * } catch (error) {
 *   if (KeyNotFoundError.isInstance(error)) console.error("onboard tenant", error.tenantId, "first");
 * }
 * ```
 */
export class KeyNotFoundError extends BedrockKeysError {
  static override readonly brand: string = "KeyNotFoundError";
  declare readonly code: "KEY_NOT_FOUND" | "NO_ACTIVE_KEY";
  readonly tenantId: string;
  readonly fingerprint: string | undefined;

  constructor(tenantId: string, fingerprint?: string) {
    super(
      fingerprint === undefined ? "NO_ACTIVE_KEY" : "KEY_NOT_FOUND",
      fingerprint === undefined
        ? `Tenant "${tenantId}" has no active Bedrock API key. Onboard a key for it first.`
        : `Tenant "${tenantId}" has no key with fingerprint ${fingerprint}. List its keys to see which exist.`,
    );
    this.tenantId = tenantId;
    this.fingerprint = fingerprint;
  }
}
