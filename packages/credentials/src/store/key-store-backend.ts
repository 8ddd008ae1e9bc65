import type { StoredRow } from "./key-record.js";

/**
 * The storage a `SealedKeyStore` runs on: rows keyed by (tenant id, fingerprint), and a synchronous
 * transaction so every rule (at most two active keys, rotate = add then retire) is checked and applied
 * atomically, also across processes for SQLite.
 */
export interface KeyStoreBackend {
  /** Runs `fn` atomically: all of its writes happen, or none. */
  transaction<T>(fn: () => T): T;
  /** Every row of a tenant, or of all tenants, oldest `createdAt` first. */
  select(tenantId?: string): StoredRow[];
  /** Inserts or replaces the row with the same tenant id and fingerprint. */
  upsert(row: StoredRow): void;
  delete(tenantId: string, fingerprint: string): void;
}
