import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { MasterKeyError } from "./errors/master-key-error.js";
import { MasterKey } from "./master-key.js";

/** The environment variable that holds the master key (base64 or hex of 32 bytes). */
export const MASTER_KEY_ENV = "BEDROCK_KEYS_MASTER_KEY";

/** Options of {@link loadMasterKey}. */
export interface LoadMasterKeyOptions {
  /** Where to read `BEDROCK_KEYS_MASTER_KEY` from; default `process.env`. Never written. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The key file used when the variable is absent; default `~/.bedrock-keys/master.key`. */
  keyFile?: string;
  /** Create the key file (mode 0600, directory 0700) when it does not exist; default `true`. */
  create?: boolean;
}

/**
 * Loads the key store's master key: from `BEDROCK_KEYS_MASTER_KEY` when set (base64 or hex encoding of exactly
 * 32 bytes), else from a key file, which is created with a fresh random key and mode 0600 on first use.
 * A key file readable by group or others is refused, like ssh refuses a loose private key.
 *
 * @example
 * ```ts
 * import { loadMasterKey } from "@bedrock-keys/credentials";
 * const masterKey = loadMasterKey({ keyFile: "/var/lib/platform/master.key" });
 * ```
 */
export function loadMasterKey(options: LoadMasterKeyOptions = {}): MasterKey {
  const env = options.env ?? process.env;
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== "") {
    return MasterKey.fromBytes(decodeMasterKey(fromEnv, `the ${MASTER_KEY_ENV} environment variable`));
  }
  const keyFile = options.keyFile ?? join(homedir(), ".bedrock-keys", "master.key");
  const existing = readKeyFile(keyFile);
  if (existing !== undefined) return MasterKey.fromBytes(existing);
  if (options.create === false) {
    throw new MasterKeyError(
      "MASTER_KEY_UNAVAILABLE",
      `No master key: set ${MASTER_KEY_ENV} or create the key file ${keyFile}.`,
    );
  }
  return MasterKey.fromBytes(createKeyFile(keyFile));
}

function readKeyFile(keyFile: string): Uint8Array | undefined {
  let text: string;
  try {
    text = readFileSync(keyFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new MasterKeyError("MASTER_KEY_UNAVAILABLE", `Cannot read the master key file ${keyFile}.`, {
      cause: error,
    });
  }
  if (process.platform !== "win32" && (statSync(keyFile).mode & 0o077) !== 0) {
    throw new MasterKeyError(
      "MASTER_KEY_FILE_INSECURE",
      `The master key file ${keyFile} is readable by other users; run \`chmod 600 ${keyFile}\`.`,
    );
  }
  return decodeMasterKey(text, `the key file ${keyFile}`);
}

function createKeyFile(keyFile: string): Uint8Array {
  const bytes = randomBytes(32);
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  try {
    // "wx": never overwrite a key another process created a moment ago; that one wins and we read it.
    writeFileSync(keyFile, `${bytes.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(keyFile, 0o600); // the umask may have cleared bits; make the mode exact
    return bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      const raced = readKeyFile(keyFile);
      if (raced !== undefined) return raced;
    }
    throw new MasterKeyError("MASTER_KEY_UNAVAILABLE", `Cannot create the master key file ${keyFile}.`, {
      cause: error,
    });
  }
}

function decodeMasterKey(encoded: string, source: string): Uint8Array {
  const text = encoded.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, "hex")
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? Buffer.from(text, "base64")
      : Buffer.alloc(0);
  if (bytes.byteLength !== 32) {
    throw new MasterKeyError(
      "MASTER_KEY_INVALID",
      `The master key in ${source} must be 32 bytes encoded as base64 (44 characters) or hex (64 characters).`,
    );
  }
  return bytes;
}
