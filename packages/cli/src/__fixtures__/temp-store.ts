import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh directory for a key store, and an environment with its own master key. */
export async function createTempStore(): Promise<{
  directory: string;
  store: string;
  env: Record<string, string>;
  dispose: () => Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), "bedrock-keys-cli-"));
  return {
    directory,
    store: join(directory, "keys.db"),
    env: { BEDROCK_KEYS_MASTER_KEY: randomBytes(32).toString("base64"), HOME: directory },
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}
