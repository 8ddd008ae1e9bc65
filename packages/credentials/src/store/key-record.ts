/** The lifecycle of a stored key: `active` keys are usable; `retired` ones were replaced by a rotation;
 * `revoked` ones were withdrawn. Only active records keep their sealed secret. */
export type KeyStatus = "active" | "retired" | "revoked";

/**
 * What a key store knows about one key of one tenant: metadata only, never the secret.
 *
 * @example
 * ```ts
 * const [record] = await store.list("acme");
 * console.log(record.fingerprint, record.status, record.expiresAt);
 * ```
 */
export interface KeyRecord {
  tenantId: string;
  kind: "long-term" | "short-term";
  fingerprint: string;
  region?: string;
  expiresAt?: Date;
  accountId?: string;
  createdAt: Date;
  verifiedAt?: Date;
  lastUsedAt?: Date;
  status: KeyStatus;
  /** When the record left `active` (retired or revoked). */
  statusChangedAt?: Date;
}

/**
 * The parts of a key a store needs. A `BedrockApiKey` from `parseBedrockApiKey` has all of them; `reveal()` is
 * read once, to seal the secret.
 *
 * @example
 * ```ts
 * const key: StorableKey = parseBedrockApiKey(pasted);
 * ```
 */
export interface StorableKey {
  readonly kind: "long-term" | "short-term";
  readonly fingerprint: string;
  readonly region?: string | undefined;
  readonly expiresAt?: Date | undefined;
  readonly accountId?: string | undefined;
  reveal(): string;
}

/**
 * Input of `KeyStore.put`: the tenant, the key (a `BedrockApiKey` or the raw key string, which is parsed), and
 * optional metadata that overrides what the key says about itself (e.g. a long-term key's expiry from IAM).
 *
 * @example
 * ```ts
 * await store.put({ tenantId: "acme", key: parseBedrockApiKey(pasted), verifiedAt: new Date() });
 * ```
 */
export interface KeyRecordInput {
  tenantId: string;
  key: StorableKey | string;
  region?: string;
  expiresAt?: Date;
  accountId?: string;
  verifiedAt?: Date;
}

/** The row a backend stores: the record plus the sealed secret (absent once retired or revoked). */
export interface StoredRow extends KeyRecord {
  sealed?: Uint8Array;
}
