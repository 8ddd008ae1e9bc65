import type { StoredRow } from "./key-record.js";
import type { KeyStoreBackend } from "./key-store-backend.js";
import { MasterKey } from "./master-key.js";
import { SealedKeyStore } from "./sealed-key-store.js";

/** Options of {@link MemoryKeyStore}. */
export interface MemoryKeyStoreOptions {
  /** Default: a fresh random master key, so the store seals secrets exactly like the SQLite one. */
  masterKey?: MasterKey;
  now?: () => Date;
}

/**
 * A key store that lives in the process's memory: for tests and short-lived tools. Secrets are still sealed
 * with AES-256-GCM, so it behaves exactly like `SqliteKeyStore` and a heap dump shows no plaintext keys.
 *
 * @example
 * ```ts
 * import { MemoryKeyStore, parseBedrockApiKey } from "@bedrock-keys/credentials";
 * const store = new MemoryKeyStore();
 * await store.put({ tenantId: "acme", key: parseBedrockApiKey(pasted) });
 * ```
 */
export class MemoryKeyStore extends SealedKeyStore {
  constructor(options: MemoryKeyStoreOptions = {}) {
    super(new MemoryBackend(), {
      masterKey: options.masterKey ?? MasterKey.generate(),
      ...(options.now && { now: options.now }),
    });
  }
}

class MemoryBackend implements KeyStoreBackend {
  #rows = new Map<string, StoredRow>();

  transaction<T>(fn: () => T): T {
    const snapshot = new Map(this.#rows);
    try {
      return fn();
    } catch (error) {
      this.#rows = snapshot;
      throw error;
    }
  }

  select(tenantId?: string): StoredRow[] {
    return [...this.#rows.values()]
      .filter((row) => tenantId === undefined || row.tenantId === tenantId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((row) => ({ ...row }));
  }

  upsert(row: StoredRow): void {
    this.#rows.set(rowKey(row.tenantId, row.fingerprint), { ...row });
  }

  delete(tenantId: string, fingerprint: string): void {
    this.#rows.delete(rowKey(tenantId, fingerprint));
  }
}

function rowKey(tenantId: string, fingerprint: string): string {
  return `${tenantId}\0${fingerprint}`;
}
