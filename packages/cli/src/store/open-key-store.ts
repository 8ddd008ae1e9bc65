import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { BedrockKeysError, loadMasterKey } from "@bedrock-keys/credentials";
import { SqliteKeyStore } from "@bedrock-keys/credentials/stores/sqlite";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io/cli-io.js";

/**
 * Store options shared by `onboard`, `keys` and `chat`.
 *
 * @example
 * ```ts
 * const options: StoreOptions = { store: "./keys.db", masterKeyFile: "./master.key" };
 * ```
 */
export interface StoreOptions {
  /** The SQLite file; default `$BEDROCK_KEYS_STORE` or `~/.bedrock-keys/keys.db`. */
  store?: string;
  /** The master key file when `BEDROCK_KEYS_MASTER_KEY` is unset; default `master.key` beside the store. */
  masterKeyFile?: string;
}

/**
 * Where the key store lives for these options and this environment.
 *
 * @example
 * ```ts
 * resolveStorePaths({}, io); // { store: "/home/me/.bedrock-keys/keys.db", masterKeyFile: "/home/me/.bedrock-keys/master.key" }
 * ```
 */
export function resolveStorePaths(
  options: StoreOptions,
  io: Pick<CliIo, "env">,
): { store: string; masterKeyFile: string } {
  const home = io.env.HOME ?? homedir();
  const store = resolve(options.store ?? io.env.BEDROCK_KEYS_STORE ?? join(home, ".bedrock-keys", "keys.db"));
  const masterKeyFile = resolve(options.masterKeyFile ?? join(dirname(store), "master.key"));
  return { store, masterKeyFile };
}

/**
 * Opens the SQLite key store with the master key from `BEDROCK_KEYS_MASTER_KEY` (read from the injected
 * environment) or the key file, which is created with mode 0600 on first use. Failures that are not already a
 * typed store error become a {@link CliError} `STORE_UNAVAILABLE` (exit code 5). Close the store when done.
 *
 * @example
 * ```ts
 * const store = openKeyStore({ store: "./keys.db" }, io);
 * try { console.log(await store.list()); } finally { store.close(); }
 * ```
 */
export function openKeyStore(options: StoreOptions, io: Pick<CliIo, "env">): SqliteKeyStore {
  const paths = resolveStorePaths(options, io);
  try {
    const masterKey = loadMasterKey({ env: io.env, keyFile: paths.masterKeyFile });
    return new SqliteKeyStore({ path: paths.store, masterKey });
  } catch (error) {
    if (BedrockKeysError.isInstance(error)) throw error;
    throw new CliError(`Cannot open the key store ${paths.store}: it is not a readable key store database.`, {
      code: "STORE_UNAVAILABLE",
      exitCode: ExitCode.Store,
      cause: error,
    });
  }
}
