import type { BedrockApiKey } from "../key/bedrock-api-key.js";
import type { KeyRecord, KeyRecordInput, StorableKey } from "./key-record.js";

/**
 * The active key of a tenant as `KeyStore.get` returns it: its metadata, and the key itself opened from its
 * sealed form. `key.reveal()` is the only way to read the secret.
 *
 * @example
 * ```ts
 * const active = await store.get("acme");
 * const client = createBedrockRuntimeClient({ apiKey: active?.key });
 * ```
 */
export interface ActiveKey {
  record: KeyRecord;
  key: BedrockApiKey;
}

/**
 * Options of `KeyStore.rotate`. `verify` receives the new key after it was added; if it throws, the new key is
 * removed and the old one stays active.
 *
 * @example
 * ```ts
 * await store.rotate("acme", newKey, { verify: (key) => verifyKeyLive(key) });
 * ```
 */
export interface RotateOptions {
  verify?: (key: BedrockApiKey) => Promise<unknown>;
  /** Recorded as the new key's `verifiedAt` when there is no `verify` (it was verified before). */
  verifiedAt?: Date;
  /** Metadata the key does not carry itself: where it was verified, and a long-term key's IAM expiry. */
  region?: string;
  expiresAt?: Date;
}

/**
 * The outcome of a rotation: the key now active and the keys it replaced.
 *
 * @example
 * ```ts
 * const { active, retired } = await store.rotate("acme", newKey);
 * ```
 */
export interface RotateResult {
  active: KeyRecord;
  retired: KeyRecord[];
}

/**
 * Where a platform keeps its tenants' Bedrock API keys: metadata in the clear, secrets sealed with AES-256-GCM.
 * At most two keys per tenant are active at once (like IAM's two service-specific credentials per user).
 *
 * @example
 * ```ts
 * const store: KeyStore = new MemoryKeyStore();
 * await store.put({ tenantId: "acme", key: parseBedrockApiKey(pasted) });
 * const active = await store.get("acme");
 * ```
 */
export interface KeyStore {
  /** Adds a key as active (or refreshes the metadata of the same key). A third active key is refused. */
  put(input: KeyRecordInput): Promise<KeyRecord>;
  /** The tenant's current key (the most recently verified active one), or `undefined` when it has none. */
  get(tenantId: string): Promise<ActiveKey | undefined>;
  /** Metadata of every key, or of one tenant's keys; never secrets. */
  list(tenantId?: string): Promise<KeyRecord[]>;
  /** Revokes one key, or every key of the tenant; returns the records revoked. */
  revoke(tenantId: string, fingerprint?: string): Promise<KeyRecord[]>;
  /** Adds `newKey`, verifies it, then retires the old key(s); on failure the old key stays active. */
  rotate(tenantId: string, newKey: StorableKey | string, options?: RotateOptions): Promise<RotateResult>;
  /** Records that a key was used at `at` (default now); never moves `lastUsedAt` backwards. */
  markUsed(tenantId: string, fingerprint: string, at?: Date): Promise<void>;
}
