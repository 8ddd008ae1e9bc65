/**
 * The SQLite key store, a separate entry point so that importing `@bedrock-keys/credentials` never loads the
 * native `libsql` module.
 *
 * @example
 * ```ts
 * import { SqliteKeyStore } from "@bedrock-keys/credentials/stores/sqlite";
 * ```
 */
export { SqliteKeyStore, type SqliteKeyStoreOptions } from "../store/sqlite-key-store.js";
