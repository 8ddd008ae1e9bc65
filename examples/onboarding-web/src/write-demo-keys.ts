import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mintShortTermKey } from "@bedrock-keys/credentials";
import type { Emulator } from "@bedrock-keys/emulator";

/**
 * Writes keys the embedded emulator accepts (and one it does not) to files with mode 0600, so a person can try
 * the page by pasting them — the keys are never printed. Returns the file paths.
 *
 * @example
 * ```ts
 * const files = await writeDemoKeys(app.emulator, "/tmp/onboarding-keys");
 * ```
 */
export async function writeDemoKeys(emulator: Emulator, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const now = Date.now();
  const keys: Record<string, string> = {
    "long-term.txt": emulator.keys.issueLongTermKey({ accountId: "123456789012" }),
    "short-term.txt": (
      await mintShortTermKey({ credentials: emulator.keys.testCredentials, region: emulator.region })
    ).reveal(),
    "expired-short-term.txt": (
      await mintShortTermKey({
        credentials: emulator.keys.testCredentials,
        region: emulator.region,
        expiresInSeconds: 3600,
        now: new Date(now - 2 * 3_600_000),
      })
    ).reveal(),
  };
  const files: string[] = [];
  for (const [name, key] of Object.entries(keys)) {
    const file = join(directory, name);
    await writeFile(file, `${key}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    files.push(file);
  }
  return files;
}
