import { KeyNotFoundError } from "@bedrock-keys/credentials";
import { recordToJson, renderKeyRecords } from "../format/render-key-records.js";
import type { CliIo } from "../io/cli-io.js";
import { openKeyStore, type StoreOptions } from "../store/open-key-store.js";

/**
 * Options of the `keys` subcommands.
 *
 * @example
 * ```ts
 * const options: KeysOptions = { store: "./keys.db", json: true };
 * ```
 */
export interface KeysOptions extends StoreOptions {
  json?: boolean;
}

/**
 * `bedrock-keys keys list`: every stored key's metadata (never a secret).
 *
 * @example
 * ```ts
 * await runKeysList({ store: "./keys.db" }, io);
 * ```
 */
export async function runKeysList(options: KeysOptions, io: CliIo): Promise<void> {
  const store = openKeyStore(options, io);
  try {
    print(
      await store.list(),
      options,
      io,
      "No keys stored yet. Add one with `bedrock-keys onboard --tenant <id>`.",
    );
  } finally {
    store.close();
  }
}

/**
 * `bedrock-keys keys show <tenant>`: one tenant's keys; exit code 5 when it has none.
 *
 * @example
 * ```ts
 * await runKeysShow("acme", { json: true }, io);
 * ```
 */
export async function runKeysShow(tenantId: string, options: KeysOptions, io: CliIo): Promise<void> {
  const store = openKeyStore(options, io);
  try {
    const records = await store.list(tenantId);
    if (records.length === 0) throw new KeyNotFoundError(tenantId);
    print(records, options, io, "");
  } finally {
    store.close();
  }
}

/**
 * `bedrock-keys keys revoke <tenant> [--fingerprint f]`: revokes one key or all of the tenant's keys in the
 * store (the key itself stays valid at AWS: revoke it in IAM too). Exit code 5 when nothing was revoked.
 *
 * @example
 * ```ts
 * await runKeysRevoke("acme", { fingerprint: "3f2a9c1d" }, io);
 * ```
 */
export async function runKeysRevoke(
  tenantId: string,
  options: KeysOptions & { fingerprint?: string },
  io: CliIo,
): Promise<void> {
  const store = openKeyStore(options, io);
  try {
    const revoked = await store.revoke(tenantId, options.fingerprint);
    if (revoked.length === 0) throw new KeyNotFoundError(tenantId, options.fingerprint);
    if (options.json === true) {
      io.stdout.write(`${JSON.stringify(revoked.map(recordToJson), null, 2)}\n`);
      return;
    }
    io.stdout.write(`${renderKeyRecords(revoked, io.now())}\n`);
    io.stderr.write(
      `Revoked ${revoked.length} key(s) of "${tenantId}" in this store. Also delete or deactivate the key in IAM; ` +
        "revoking here only stops this platform from using it.\n",
    );
  } finally {
    store.close();
  }
}

function print(
  records: Parameters<typeof renderKeyRecords>[0],
  options: KeysOptions,
  io: CliIo,
  emptyMessage: string,
): void {
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(records.map(recordToJson), null, 2)}\n`);
  } else if (records.length === 0) {
    io.stderr.write(`${emptyMessage}\n`);
  } else {
    io.stdout.write(`${renderKeyRecords(records, io.now())}\n`);
  }
}
