import { BedrockKeysError } from "../../errors/bedrock-keys-error.js";

/** Why a key store refused a change. */
export type KeyStoreConflictCode = "TOO_MANY_ACTIVE_KEYS" | "KEY_REVOKED" | "SAME_KEY" | "CONCURRENT_CHANGE";

const messages: Record<KeyStoreConflictCode, (tenantId: string, fingerprint: string) => string> = {
  TOO_MANY_ACTIVE_KEYS: (tenantId, fingerprint) =>
    `Tenant "${tenantId}" already has two active keys, so key ${fingerprint} cannot be added. ` +
    "Revoke one first (a tenant has at most two active keys, like an IAM user's service-specific credentials).",
  KEY_REVOKED: (tenantId, fingerprint) =>
    `Key ${fingerprint} of tenant "${tenantId}" was revoked and cannot be stored again. Create a new key.`,
  SAME_KEY: (tenantId, fingerprint) =>
    `Key ${fingerprint} is already the active key of tenant "${tenantId}". Rotate to a different key.`,
  CONCURRENT_CHANGE: (tenantId, fingerprint) =>
    `Key ${fingerprint} of tenant "${tenantId}" was retired or revoked by another writer while it was being ` +
    "verified, so this rotation did not complete. List the tenant's keys and rotate again if needed.",
};

/**
 * A key store refused a change that would break its rules: `TOO_MANY_ACTIVE_KEYS` (a third active key),
 * `KEY_REVOKED` (storing a key that was revoked), `SAME_KEY` (rotating to the key already active),
 * `CONCURRENT_CHANGE` (another writer retired or revoked the new key while a rotation was verifying it).
 *
 * @example
 * ```ts
 * try {
 *   await store.put({ tenantId: "acme", key });
 * } catch (error) {
 *   if (KeyStoreConflictError.isInstance(error) && error.code === "TOO_MANY_ACTIVE_KEYS") await store.revoke("acme", old);
 * }
 * ```
 */
export class KeyStoreConflictError extends BedrockKeysError {
  static override readonly brand: string = "KeyStoreConflictError";
  declare readonly code: KeyStoreConflictCode;
  readonly tenantId: string;
  readonly fingerprint: string;

  constructor(code: KeyStoreConflictCode, tenantId: string, fingerprint: string) {
    super(code, messages[code](tenantId, fingerprint));
    this.tenantId = tenantId;
    this.fingerprint = fingerprint;
  }
}
