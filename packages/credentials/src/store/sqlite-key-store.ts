import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
import { MasterKeyMismatchError } from "./errors/master-key-mismatch-error.js";
import type { KeyStatus, StoredRow } from "./key-record.js";
import type { KeyStoreBackend } from "./key-store-backend.js";
import type { MasterKey } from "./master-key.js";
import { SealedKeyStore } from "./sealed-key-store.js";

/** Options of {@link SqliteKeyStore}. */
export interface SqliteKeyStoreOptions {
  /** The database file; created (with its directory) when missing. */
  path: string;
  /** The master key the secrets are sealed with; a store created under another one is refused. */
  masterKey: MasterKey;
  /** How long a write waits for another process's write to finish, in ms; default 5000. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bedrock_keys_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bedrock_keys (
  tenant_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('long-term', 'short-term')),
  region TEXT,
  expires_at INTEGER,
  account_id TEXT,
  created_at INTEGER NOT NULL,
  verified_at INTEGER,
  last_used_at INTEGER,
  status TEXT NOT NULL CHECK (status IN ('active', 'retired', 'revoked')),
  status_changed_at INTEGER,
  sealed BLOB,
  PRIMARY KEY (tenant_id, fingerprint)
);`;

/**
 * The embedded default key store: one SQLite file (via `libsql`, created with mode 0600) in WAL mode, safe to
 * share between several processes. Every change runs in a `BEGIN IMMEDIATE` transaction, so a process killed mid-rotation leaves the
 * old key or the new one active, never neither. Secrets are sealed with AES-256-GCM before they reach SQLite,
 * and `secure_delete` zeroes the pages of retired and revoked secrets.
 *
 * @example
 * ```ts
 * import { loadMasterKey } from "@bedrock-keys/credentials";
 * import { SqliteKeyStore } from "@bedrock-keys/credentials/stores/sqlite";
 * const store = new SqliteKeyStore({ path: "./keys.db", masterKey: loadMasterKey() });
 * const active = await store.get("acme");
 * store.close();
 * ```
 */
export class SqliteKeyStore extends SealedKeyStore {
  readonly #database: Database.Database;

  constructor(options: SqliteKeyStoreOptions) {
    mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });
    const isNew = !existsSync(options.path);
    const database = new Database(options.path);
    // Metadata is not secret, but it is nobody else's business either; SQLite gives -wal and -shm the same mode.
    if (isNew && process.platform !== "win32") chmodSync(options.path, 0o600);
    try {
      database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      database.pragma("journal_mode = WAL");
      database.pragma("synchronous = FULL");
      database.pragma("secure_delete = ON");
      database
        .transaction(() => {
          database.exec(SCHEMA);
          claimMasterKey(database, options.masterKey);
        })
        .immediate();
    } catch (error) {
      database.close();
      throw error;
    }
    super(new SqliteBackend(database), {
      masterKey: options.masterKey,
      ...(options.now && { now: options.now }),
    });
    this.#database = database;
  }

  /**
   * Closes the database file. The store cannot be used afterwards.
   *
   * @example
   * ```ts
   * store.close();
   * ```
   */
  close(): void {
    if (this.#database.open) this.#database.close();
  }
}

/** Records which master key the file belongs to, or refuses a different one up front. */
function claimMasterKey(database: Database.Database, masterKey: MasterKey): void {
  const row = database.prepare("SELECT value FROM bedrock_keys_meta WHERE name = 'master_key_id'").get() as
    | { value: string }
    | undefined;
  if (row === undefined) {
    database
      .prepare(
        "INSERT INTO bedrock_keys_meta (name, value) VALUES ('master_key_id', ?), ('schema_version', '1')",
      )
      .run(masterKey.keyId);
  } else if (row.value !== masterKey.keyId) {
    throw new MasterKeyMismatchError({ expectedKeyId: row.value, actualKeyId: masterKey.keyId });
  }
}

interface SqlRow {
  tenant_id: string;
  fingerprint: string;
  kind: "long-term" | "short-term";
  region: string | null;
  expires_at: number | null;
  account_id: string | null;
  created_at: number;
  verified_at: number | null;
  last_used_at: number | null;
  status: KeyStatus;
  status_changed_at: number | null;
  sealed: ArrayBuffer | Uint8Array | null;
}

class SqliteBackend implements KeyStoreBackend {
  readonly #database: Database.Database;
  readonly #selectAll: Database.Statement;
  readonly #selectTenant: Database.Statement;
  readonly #upsert: Database.Statement;
  readonly #delete: Database.Statement;

  constructor(database: Database.Database) {
    this.#database = database;
    const columns =
      "tenant_id, fingerprint, kind, region, expires_at, account_id, created_at, verified_at, \
last_used_at, status, status_changed_at, sealed";
    this.#selectAll = database.prepare(`SELECT ${columns} FROM bedrock_keys ORDER BY created_at, rowid`);
    this.#selectTenant = database.prepare(
      `SELECT ${columns} FROM bedrock_keys WHERE tenant_id = ? ORDER BY created_at, rowid`,
    );
    this.#upsert = database.prepare(
      `INSERT OR REPLACE INTO bedrock_keys (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#delete = database.prepare("DELETE FROM bedrock_keys WHERE tenant_id = ? AND fingerprint = ?");
  }

  transaction<T>(fn: () => T): T {
    return this.#database.transaction(fn).immediate();
  }

  select(tenantId?: string): StoredRow[] {
    const rows = (
      tenantId === undefined ? this.#selectAll.all() : this.#selectTenant.all(tenantId)
    ) as SqlRow[];
    return rows.map(fromSql);
  }

  upsert(row: StoredRow): void {
    this.#upsert.run(
      row.tenantId,
      row.fingerprint,
      row.kind,
      row.region ?? null,
      row.expiresAt?.getTime() ?? null,
      row.accountId ?? null,
      row.createdAt.getTime(),
      row.verifiedAt?.getTime() ?? null,
      row.lastUsedAt?.getTime() ?? null,
      row.status,
      row.statusChangedAt?.getTime() ?? null,
      row.sealed === undefined ? null : Buffer.from(row.sealed),
    );
  }

  delete(tenantId: string, fingerprint: string): void {
    this.#delete.run(tenantId, fingerprint);
  }
}

function fromSql(row: SqlRow): StoredRow {
  const stored: StoredRow = {
    tenantId: row.tenant_id,
    kind: row.kind,
    fingerprint: row.fingerprint,
    createdAt: new Date(row.created_at),
    status: row.status,
  };
  if (row.region !== null) stored.region = row.region;
  if (row.expires_at !== null) stored.expiresAt = new Date(row.expires_at);
  if (row.account_id !== null) stored.accountId = row.account_id;
  if (row.verified_at !== null) stored.verifiedAt = new Date(row.verified_at);
  if (row.last_used_at !== null) stored.lastUsedAt = new Date(row.last_used_at);
  if (row.status_changed_at !== null) stored.statusChangedAt = new Date(row.status_changed_at);
  if (row.sealed !== null) stored.sealed = new Uint8Array(row.sealed);
  return stored;
}
