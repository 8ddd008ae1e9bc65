import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "libsql";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { compileForChild } from "./__fixtures__/compile-for-child.js";
import { describeKeyStoreContract } from "./__fixtures__/describe-key-store-contract.js";
import { leakedWindows, makeLongTermKey } from "./__fixtures__/test-keys.js";
import { MasterKeyMismatchError } from "./errors/master-key-mismatch-error.js";
import { SealedSecretError } from "./errors/sealed-secret-error.js";
import { MasterKey } from "./master-key.js";
import { SqliteKeyStore } from "./sqlite-key-store.js";

const fixtures = fileURLToPath(new URL("./__fixtures__/", import.meta.url));
const sourceRoot = fileURLToPath(new URL("../", import.meta.url));
// Inside the package, so the compiled sources resolve `zod` and `libsql` from its node_modules.
const compiled = fileURLToPath(
  new URL(`../../node_modules/.cache/store-worker-${process.pid}/`, import.meta.url),
);

function tempDirectory(): string {
  return mkdtempSync(join(tmpdir(), "bk-sqlite-"));
}

describeKeyStoreContract("SqliteKeyStore", (clock) => {
  const directory = tempDirectory();
  const store = new SqliteKeyStore({
    path: join(directory, "keys.db"),
    masterKey: MasterKey.generate(),
    now: clock.now,
  });
  return {
    store,
    dispose() {
      store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe("SqliteKeyStore", () => {
  let directory: string;
  let path: string;
  const stores: SqliteKeyStore[] = [];
  const children: ChildProcess[] = [];
  const openStore = (masterKey: MasterKey): SqliteKeyStore => {
    const store = new SqliteKeyStore({ path, masterKey });
    stores.push(store);
    return store;
  };
  beforeAll(() => {
    const entries = ["sqlite-key-store.ts", "load-master-key.ts", "errors/key-store-conflict-error.ts"];
    compileForChild(
      entries.map((file) => join(sourceRoot, "store", file)),
      sourceRoot,
      compiled,
    );
  });
  afterAll(() => rmSync(compiled, { recursive: true, force: true }));
  beforeEach(() => {
    directory = tempDirectory();
    path = join(directory, "nested", "keys.db");
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const store of stores.splice(0)) store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("keeps keys across reopening, in WAL mode, in files only the owner can read", async () => {
    const masterKey = MasterKey.generate();
    const { key } = makeLongTermKey();
    await openStore(masterKey).put({ tenantId: "acme", key });
    const reopened = openStore(masterKey);
    expect((await reopened.get("acme"))?.key.reveal()).toBe(key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    const database = new Database(path);
    expect(database.pragma("journal_mode")).toEqual([{ journal_mode: "wal" }]);
    database.close();
  });

  it("refuses to open with another master key", async () => {
    await openStore(MasterKey.generate()).put({ tenantId: "acme", key: makeLongTermKey().key });
    let caught: unknown;
    try {
      openStore(MasterKey.generate());
    } catch (error) {
      caught = error;
    }
    expect(MasterKeyMismatchError.isInstance(caught) && caught.code === "MASTER_KEY_MISMATCH").toBe(true);
  });

  it("never writes an 8-character run of a secret to the database file or its WAL", async () => {
    const masterKey = MasterKey.generate();
    const store = openStore(masterKey);
    const keys = [makeLongTermKey(), makeLongTermKey(), makeLongTermKey(), makeLongTermKey()];
    const [first, second, third, fourth] = keys as [
      (typeof keys)[0],
      (typeof keys)[0],
      (typeof keys)[0],
      (typeof keys)[0],
    ];
    await store.put({ tenantId: "acme", key: first.key, verifiedAt: new Date() });
    await store.rotate("acme", second.key, { verify: async () => {} });
    await store.put({ tenantId: "globex", key: third.key });
    await store.markUsed("globex", parseBedrockApiKey(third.key).fingerprint);
    const failed = store.rotate("globex", fourth.key, {
      verify: async () => Promise.reject(new Error("no")),
    });
    await expect(failed).rejects.toThrow(/failed verification/);
    await store.revoke("globex");
    const scan = () =>
      ["", "-wal", "-shm"]
        .filter((suffix) => existsSync(path + suffix))
        .flatMap((suffix) =>
          keys.flatMap(({ key, secret }) => leakedWindows(readFileSync(path + suffix), key, secret)),
        );
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(scan()).toEqual([]);
    store.close();
    expect(scan()).toEqual([]);
  });

  it("detects a tampered record and a sealed secret moved to another tenant", async () => {
    const store = openStore(MasterKey.generate());
    await store.put({ tenantId: "acme", key: makeLongTermKey().key });
    await store.put({ tenantId: "globex", key: makeLongTermKey().key });
    const database = new Database(path);
    const sealedOf = (tenantId: string) =>
      Buffer.from(
        (
          database.prepare("SELECT sealed FROM bedrock_keys WHERE tenant_id = ?").get(tenantId) as {
            sealed: Uint8Array;
          }
        ).sealed,
      );
    const setSealed = (tenantId: string, sealed: Buffer) =>
      database.prepare("UPDATE bedrock_keys SET sealed = ? WHERE tenant_id = ?").run(sealed, tenantId);
    const flipped = sealedOf("acme");
    setSealed("globex", Buffer.from(flipped));
    flipped[30] = (flipped[30] ?? 0) ^ 0xff;
    setSealed("acme", flipped);
    database.close();
    for (const tenantId of ["acme", "globex"]) {
      await expect(store.get(tenantId)).rejects.toSatisfy(
        (error) => SealedSecretError.isInstance(error) && error.code === "SEALED_SECRET_TAMPERED",
      );
    }
  });

  function runWorker(args: string[], masterKey: string, onLine?: (line: string) => void): Promise<string[]> {
    const child = spawn(process.execPath, [join(fixtures, "store-worker.mjs"), compiled, ...args], {
      env: { PATH: process.env.PATH, BEDROCK_KEYS_MASTER_KEY: masterKey },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    const lines: string[] = [];
    let stderr = "";
    let pending = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (pending + chunk).split("\n");
      pending = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        onLine?.(line);
      }
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    return new Promise((resolve, reject) => {
      child.on("exit", (code, signal) => {
        if (code === 0 || signal === "SIGKILL") resolve(lines);
        else reject(new Error(`worker exited ${code ?? signal}: ${stderr}`));
      });
    });
  }

  it("is shared safely by two processes writing at once", async () => {
    const encoded = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
    openStore(MasterKey.fromBytes(Buffer.from(encoded, "base64"))).close();
    const [a, b, c, d] = await Promise.all([
      runWorker(["put", path, "alpha", "25"], encoded),
      runWorker(["put", path, "beta", "25"], encoded),
      runWorker(["rotate", path, "shared", "10"], encoded),
      runWorker(["rotate", path, "shared", "10"], encoded),
    ]);
    expect([a, b, c, d].map((lines) => lines.at(-1))).toEqual(["done", "done", "done", "done"]);
    const store = openStore(MasterKey.fromBytes(Buffer.from(encoded, "base64")));
    const records = await store.list();
    expect(records.filter((record) => record.tenantId.startsWith("alpha-"))).toHaveLength(25);
    expect(records.filter((record) => record.tenantId.startsWith("beta-"))).toHaveLength(25);
    // Two writers rotating one tenant: every key added is still on record, some rotations completed (others
    // were refused as conflicts), and the tenant ends with exactly one active key.
    const shared = records.filter((record) => record.tenantId === "shared");
    const lines = [...c, ...d];
    expect(lines.filter((line) => line.startsWith("rotated")).length).toBeGreaterThan(0);
    expect(shared).toHaveLength(lines.filter((line) => line.startsWith("added")).length);
    expect(shared.filter((record) => record.status === "active")).toHaveLength(1);
  });

  it("leaves the old key or the new one active when a rotation is killed with SIGKILL", async () => {
    const encoded = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
    const masterKey = MasterKey.fromBytes(Buffer.from(encoded, "base64"));
    // Round 0 kills while a new key awaits verification (after its add), round 1 right after a retire.
    for (const [round, trigger] of [
      [0, "added"],
      [1, "rotated"],
    ] as const) {
      const fingerprints = new Set<string>();
      let seen = 0;
      const lines = await runWorker(["rotate", path, "acme", "100000"], encoded, (line) => {
        const [event, fingerprint] = line.split(" ");
        if (fingerprint !== undefined) fingerprints.add(fingerprint);
        if (event === trigger && ++seen === 15) children.at(-1)?.kill("SIGKILL");
      });
      expect(lines.at(-1)).not.toBe("done");
      const store = openStore(masterKey);
      const active = await store.get("acme");
      expect(active).toBeDefined();
      expect(fingerprints.has(active?.record.fingerprint ?? "")).toBe(true);
      expect(active?.record.verifiedAt).toBeDefined(); // never a half-rotated, unverified key
      expect(
        (await store.list("acme")).filter((record) => record.status === "active").length,
      ).toBeLessThanOrEqual(2);
      store.close();
      const database = new Database(path);
      expect(database.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
      database.close();
      if (round === 0) {
        // Finish any interrupted rotation the way an operator would, so the next round can rotate again.
        const cleanup = openStore(masterKey);
        const rows = await cleanup.list("acme");
        for (const row of rows.filter(
          (record) => record.status === "active" && record.verifiedAt === undefined,
        )) {
          await cleanup.revoke("acme", row.fingerprint);
        }
        cleanup.close();
      }
    }
  });
});
