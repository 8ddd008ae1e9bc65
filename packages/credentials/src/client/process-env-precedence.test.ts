import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintKey } from "../key/fingerprint.js";

const run = promisify(execFile);
const script = fileURLToPath(new URL("../__fixtures__/converse-in-child.ts", import.meta.url));
const packageDir = fileURLToPath(new URL("../..", import.meta.url));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

/** Runs the fixture in a child whose real environment holds `AWS_BEARER_TOKEN_BEDROCK` (ours is untouched). */
async function converseInChild(ambient: string, explicit?: string): Promise<string> {
  const args = ["--import", "tsx", "--conditions=@bedrock-keys/source", script, emulator.url];
  if (explicit !== undefined) args.push(explicit);
  const { stdout } = await run(process.execPath, args, {
    cwd: packageDir,
    env: { ...process.env, AWS_BEARER_TOKEN_BEDROCK: ambient },
    timeout: 20_000,
  });
  return stdout.trim();
}

describe("AWS_BEARER_TOKEN_BEDROCK in the real process environment", () => {
  it("loses to an explicit key, which is the one Bedrock sees", async () => {
    const explicit = emulator.keys.issueLongTermKey({ userName: "explicit" });
    const ambient = emulator.keys.issueLongTermKey({ userName: "ambient" });
    emulator.clearAudit();
    expect(await converseInChild(ambient, explicit)).toBe("ok");
    expect(emulator.audit().map((entry) => entry.fingerprint)).toEqual([fingerprintKey(explicit)]);
  });

  it("does not break an explicit key when the variable is empty", async () => {
    const explicit = emulator.keys.issueLongTermKey();
    emulator.clearAudit();
    expect(await converseInChild("", explicit)).toBe("ok");
    expect(emulator.audit().map((entry) => entry.fingerprint)).toEqual([fingerprintKey(explicit)]);
  });

  it("is used when no key is passed", async () => {
    const ambient = emulator.keys.issueLongTermKey();
    emulator.clearAudit();
    expect(await converseInChild(ambient)).toBe("ok");
    expect(emulator.audit().map((entry) => entry.fingerprint)).toEqual([fingerprintKey(ambient)]);
  });
});
