import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MasterKeyError } from "./errors/master-key-error.js";
import { loadMasterKey } from "./load-master-key.js";
import { MasterKey } from "./master-key.js";

describe("loadMasterKey", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "bk-master-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const failure = (run: () => unknown): MasterKeyError => {
    try {
      run();
    } catch (error) {
      if (MasterKeyError.isInstance(error)) return error;
      throw error;
    }
    throw new Error("expected a MasterKeyError");
  };

  it("reads BEDROCK_KEYS_MASTER_KEY as base64 or hex from the injected env, without writing it", () => {
    const bytes = randomBytes(32);
    const expected = MasterKey.fromBytes(bytes).keyId;
    const env = Object.freeze({ BEDROCK_KEYS_MASTER_KEY: bytes.toString("base64") });
    const keyFile = join(directory, "unused.key");
    expect(loadMasterKey({ env, keyFile }).keyId).toBe(expected);
    expect(loadMasterKey({ env: { BEDROCK_KEYS_MASTER_KEY: bytes.toString("hex") }, keyFile }).keyId).toBe(
      expected,
    );
    expect(() => statSync(keyFile)).toThrow(); // the variable wins; no file is created
  });

  it("rejects a variable that is not 32 bytes, without echoing it", () => {
    const value = Buffer.alloc(16, 7).toString("base64");
    const error = failure(() => loadMasterKey({ env: { BEDROCK_KEYS_MASTER_KEY: value } }));
    expect(error.code).toBe("MASTER_KEY_INVALID");
    expect(error.message).not.toContain(value);
  });

  it("creates the key file with mode 0600 once, then reuses it", () => {
    const keyFile = join(directory, "nested", "master.key");
    const created = loadMasterKey({ env: {}, keyFile });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(directory, "nested")).mode & 0o777).toBe(0o700);
    expect(loadMasterKey({ env: {}, keyFile }).keyId).toBe(created.keyId);
    expect(Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64")).toHaveLength(32);
  });

  it("refuses a key file other users can read", () => {
    const keyFile = join(directory, "master.key");
    writeFileSync(keyFile, randomBytes(32).toString("base64"));
    chmodSync(keyFile, 0o644);
    expect(failure(() => loadMasterKey({ env: {}, keyFile })).code).toBe("MASTER_KEY_FILE_INSECURE");
  });

  it("does not create a file when asked not to", () => {
    const keyFile = join(directory, "absent.key");
    expect(failure(() => loadMasterKey({ env: {}, keyFile, create: false })).code).toBe(
      "MASTER_KEY_UNAVAILABLE",
    );
  });
});
