// A child process for the SQLite key store's multi-process and crash tests. It runs the real SqliteKeyStore,
// transpiled by compile-for-child.ts into <compiled>, and prints one line per step, never a secret:
//   node store-worker.mjs <compiled> rotate <db> <tenant> <count>   rotate in a loop
//   node store-worker.mjs <compiled> put <db> <prefix> <count>      put keys for many tenants
// The master key comes from BEDROCK_KEYS_MASTER_KEY in the environment the parent passes.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [compiled, mode, path, name, countText] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(join(compiled, file)).href);
const { KeyStoreConflictError } = await load("store/errors/key-store-conflict-error.js");
const { loadMasterKey } = await load("store/load-master-key.js");
const { SqliteKeyStore } = await load("store/sqlite-key-store.js");

const count = Number(countText);
const store = new SqliteKeyStore({ path, masterKey: loadMasterKey({ create: false }) });

function newKey() {
  const user = `BedrockAPIKey-${randomBytes(2).toString("hex")}-at-123456789012`;
  return `ABSK${Buffer.from(`${user}:${randomBytes(48).toString("base64")}`).toString("base64")}`;
}

for (let index = 0; index < count; index++) {
  if (mode === "rotate") {
    try {
      const result = await store.rotate(name, newKey(), {
        verify: async (key) => {
          console.log(`added ${key.fingerprint}`);
          await new Promise((resolve) => setImmediate(resolve));
        },
      });
      console.log(`rotated ${result.active.fingerprint}`);
    } catch (error) {
      // Another process's rotation is in flight (two active keys): try again, like a real caller would.
      if (!KeyStoreConflictError.isInstance(error)) throw error;
      console.log("conflict");
    }
  } else {
    await store.put({ tenantId: `${name}-${index}`, key: newKey() });
    console.log(`put ${name}-${index}`);
  }
}
store.close();
console.log("done");
