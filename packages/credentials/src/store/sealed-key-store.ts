import type { BedrockApiKey } from "../key/bedrock-api-key.js";
import { fingerprintKey } from "../key/fingerprint.js";
import { KeyNotFoundError } from "./errors/key-not-found-error.js";
import { KeyRotationError } from "./errors/key-rotation-error.js";
import { KeyStoreConflictError } from "./errors/key-store-conflict-error.js";
import { SealedSecretError } from "./errors/sealed-secret-error.js";
import type { KeyRecord, KeyRecordInput, StorableKey, StoredRow } from "./key-record.js";
import type { ActiveKey, KeyStore, RotateOptions, RotateResult } from "./key-store.js";
import type { KeyStoreBackend } from "./key-store-backend.js";
import { fingerprintSchema, keyMetadataSchema, tenantIdSchema, validate } from "./key-store-schemas.js";
import type { MasterKey } from "./master-key.js";
import { openSealedSecret } from "./open-sealed-secret.js";
import { pickActiveKey } from "./pick-active-key.js";
import { restoreKey, toStoredKey } from "./restore-key.js";
import { sealSecret } from "./seal-secret.js";

/** Options every sealed key store accepts. */
export interface SealedKeyStoreOptions {
  /** The master key that seals the secrets (see `loadMasterKey`). */
  masterKey: MasterKey;
  /** The clock for `createdAt`, `verifiedAt` and status changes; default `() => new Date()`. */
  now?: () => Date;
}

type Metadata = Omit<KeyRecordInput, "key">;

/**
 * The rules of a key store, written once over a `KeyStoreBackend`: sealing, at most two active keys per tenant,
 * rotate as add → verify → retire, metadata-only listings. `MemoryKeyStore` and `SqliteKeyStore` extend it.
 *
 * @example
 * ```ts
 * class MyStore extends SealedKeyStore {
 *   constructor(masterKey: MasterKey) { super(myBackend, { masterKey }); }
 * }
 * ```
 */
export class SealedKeyStore implements KeyStore {
  readonly #backend: KeyStoreBackend;
  readonly #masterKey: MasterKey;
  readonly #now: () => Date;

  protected constructor(backend: KeyStoreBackend, options: SealedKeyStoreOptions) {
    this.#backend = backend;
    this.#masterKey = options.masterKey;
    this.#now = options.now ?? (() => new Date());
  }

  async put(input: KeyRecordInput): Promise<KeyRecord> {
    const { key: keyInput, ...metadataInput } = input;
    const metadata = validate(keyMetadataSchema, metadataInput, "input") as Metadata;
    const key = toStoredKey(keyInput);
    const now = this.#now();
    return this.#backend.transaction(() => toRecord(this.#add(metadata, key, now).row));
  }

  async get(tenantId: string): Promise<ActiveKey | undefined> {
    validate(tenantIdSchema, tenantId, "tenantId");
    const row = pickActiveKey(this.#backend.select(tenantId));
    if (row === undefined) return undefined;
    const binding = { tenantId, fingerprint: row.fingerprint };
    if (row.sealed === undefined) throw new SealedSecretError("SEALED_SECRET_UNSUPPORTED", binding);
    const secret = openSealedSecret(this.#masterKey, row.sealed, binding);
    if (fingerprintKey(secret) !== row.fingerprint)
      throw new SealedSecretError("SEALED_SECRET_TAMPERED", binding);
    return { record: toRecord(row), key: restoreKey(secret, row) };
  }

  async list(tenantId?: string): Promise<KeyRecord[]> {
    if (tenantId !== undefined) validate(tenantIdSchema, tenantId, "tenantId");
    return this.#backend.select(tenantId).map(toRecord);
  }

  async revoke(tenantId: string, fingerprint?: string): Promise<KeyRecord[]> {
    validate(tenantIdSchema, tenantId, "tenantId");
    if (fingerprint !== undefined) validate(fingerprintSchema, fingerprint, "fingerprint");
    const now = this.#now();
    return this.#backend.transaction(() => {
      const rows = this.#backend.select(tenantId);
      const targets =
        fingerprint === undefined
          ? rows.filter((row) => row.status !== "revoked")
          : rows.filter((row) => row.fingerprint === fingerprint);
      if (fingerprint !== undefined && targets.length === 0)
        throw new KeyNotFoundError(tenantId, fingerprint);
      return targets.map((row) => {
        if (row.status === "revoked") return toRecord(row);
        const { sealed: _dropped, ...rest } = row;
        const revoked: StoredRow = { ...rest, status: "revoked", statusChangedAt: now };
        this.#backend.upsert(revoked);
        return toRecord(revoked);
      });
    });
  }

  async rotate(
    tenantId: string,
    newKey: StorableKey | string,
    options: RotateOptions = {},
  ): Promise<RotateResult> {
    validate(tenantIdSchema, tenantId, "tenantId");
    const key = toStoredKey(newKey);
    const { verify, ...metadataOptions } = options;
    const metadata = validate(keyMetadataSchema, { tenantId, ...metadataOptions }, "options") as Metadata;
    const fingerprint = key.fingerprint;
    type Added = { row: StoredRow; previous: StoredRow | undefined; outcome?: RotateResult };
    const added = this.#backend.transaction((): Added => {
      const rows = this.#backend.select(tenantId);
      if (rows.some((row) => row.status === "active" && row.fingerprint === fingerprint)) {
        throw new KeyStoreConflictError("SAME_KEY", tenantId, fingerprint);
      }
      // With a verify step the new key stays unverified (so `get` keeps serving the old one) until it passes.
      const { verifiedAt: _later, ...unverified } = metadata;
      const result = this.#add(verify === undefined ? metadata : unverified, key, this.#now());
      // Without a verify step there is nothing to wait for: add and retire in one transaction.
      return verify === undefined
        ? { ...result, outcome: this.#retireOthers(tenantId, fingerprint) }
        : result;
    });
    if (added.outcome !== undefined) return added.outcome;
    try {
      await verify?.(key);
    } catch (error) {
      this.#backend.transaction(() => {
        const row = this.#backend.select(tenantId).find((candidate) => candidate.fingerprint === fingerprint);
        if (row?.status !== "active") return; // another writer already retired or revoked it: keep that
        if (added.previous === undefined) this.#backend.delete(tenantId, fingerprint);
        else this.#backend.upsert(added.previous);
      });
      throw new KeyRotationError(tenantId, fingerprint, error);
    }
    return this.#backend.transaction(() => {
      const row = this.#backend.select(tenantId).find((candidate) => candidate.fingerprint === fingerprint);
      if (row === undefined || row.status !== "active") {
        throw new KeyStoreConflictError("CONCURRENT_CHANGE", tenantId, fingerprint);
      }
      this.#backend.upsert({ ...row, verifiedAt: this.#now() });
      return this.#retireOthers(tenantId, fingerprint);
    });
  }

  async markUsed(tenantId: string, fingerprint: string, at: Date = this.#now()): Promise<void> {
    validate(tenantIdSchema, tenantId, "tenantId");
    validate(fingerprintSchema, fingerprint, "fingerprint");
    this.#backend.transaction(() => {
      const row = this.#backend.select(tenantId).find((candidate) => candidate.fingerprint === fingerprint);
      if (row === undefined) throw new KeyNotFoundError(tenantId, fingerprint);
      if (row.lastUsedAt === undefined || row.lastUsedAt < at)
        this.#backend.upsert({ ...row, lastUsedAt: at });
    });
  }

  /** Adds (or refreshes) a key as active; must run inside a transaction. */
  #add(
    metadata: Metadata,
    key: BedrockApiKey,
    now: Date,
  ): { row: StoredRow; previous: StoredRow | undefined } {
    const { tenantId } = metadata;
    const rows = this.#backend.select(tenantId);
    const previous = rows.find((row) => row.fingerprint === key.fingerprint);
    if (previous?.status === "revoked")
      throw new KeyStoreConflictError("KEY_REVOKED", tenantId, key.fingerprint);
    const othersActive = rows.filter((row) => row.status === "active" && row.fingerprint !== key.fingerprint);
    if (othersActive.length >= 2)
      throw new KeyStoreConflictError("TOO_MANY_ACTIVE_KEYS", tenantId, key.fingerprint);
    const row = compactRow({
      tenantId,
      kind: key.kind,
      fingerprint: key.fingerprint,
      region: metadata.region ?? key.region,
      expiresAt: metadata.expiresAt ?? key.expiresAt,
      accountId: metadata.accountId ?? key.accountId,
      createdAt: previous?.createdAt ?? now,
      // A reactivated retired key must be verified again before it outranks the current one.
      verifiedAt: metadata.verifiedAt ?? (previous?.status === "active" ? previous.verifiedAt : undefined),
      lastUsedAt: previous?.lastUsedAt,
      status: "active",
      statusChangedAt: undefined,
      sealed: sealSecret(this.#masterKey, key.reveal(), { tenantId, fingerprint: key.fingerprint }),
    });
    this.#backend.upsert(row);
    return { row, previous };
  }

  /** Retires every active key of the tenant except `keep`; must run inside a transaction. */
  #retireOthers(tenantId: string, keep: string): RotateResult {
    const now = this.#now();
    const retired: KeyRecord[] = [];
    let active: StoredRow | undefined;
    for (const row of this.#backend.select(tenantId)) {
      if (row.fingerprint === keep) active = row;
      else if (row.status === "active") {
        const { sealed: _dropped, ...rest } = row;
        const next: StoredRow = { ...rest, status: "retired", statusChangedAt: now };
        this.#backend.upsert(next);
        retired.push(toRecord(next));
      }
    }
    if (active === undefined) throw new KeyNotFoundError(tenantId, keep);
    return { active: toRecord(active), retired };
  }
}

/** Drops `undefined` fields, which `exactOptionalPropertyTypes` forbids on optional properties. */
function compactRow(fields: { [K in keyof StoredRow]-?: StoredRow[K] | undefined }): StoredRow {
  return Object.fromEntries(
    Object.entries(fields).filter(([, field]) => field !== undefined),
  ) as unknown as StoredRow;
}

function toRecord(row: StoredRow): KeyRecord {
  const { sealed: _secret, ...record } = row;
  return structuredClone(record);
}
