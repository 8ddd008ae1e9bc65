import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { ExitCode } from "../exit-codes.js";
import { createTempStore } from "./temp-store.js";
import { run } from "./test-io.js";

type TempStore = Awaited<ReturnType<typeof createTempStore>>;

/**
 * Registers the hooks most command tests share: one emulator for the file, a fresh temporary key store per test.
 * Read `fixture.emulator` and `fixture.temp` inside tests (they are set by the hooks); `fixture.onboardTenant()`
 * issues a key and onboards it through the real `onboard` command (asserting it succeeded).
 */
export function useEmulatorAndStore(): {
  readonly emulator: Emulator;
  readonly temp: TempStore;
  onboardTenant(tenant?: string): Promise<{ key: string; fingerprint: string; output: string }>;
} {
  const fixture = {
    async onboardTenant(tenant = "acme") {
      const key = fixture.emulator.keys.issueLongTermKey();
      const args = ["onboard", "--tenant", tenant, "--endpoint", fixture.emulator.url];
      const onboard = await run([...args, "--store", fixture.temp.store, "--json"], {
        stdin: key,
        env: { ...fixture.temp.env, AWS_REGION: "us-east-1" },
        now: new Date(),
      });
      expect(onboard.code).toBe(ExitCode.Ok);
      const fingerprint = (JSON.parse(onboard.stdout) as { fingerprint: string }).fingerprint;
      return { key, fingerprint, output: onboard.stdout + onboard.stderr };
    },
  } as {
    emulator: Emulator;
    temp: TempStore;
    onboardTenant(tenant?: string): Promise<{ key: string; fingerprint: string; output: string }>;
  };
  beforeAll(async () => {
    fixture.emulator = await startEmulator();
  });
  afterAll(async () => {
    await fixture.emulator.close();
  });
  beforeEach(async () => {
    fixture.temp = await createTempStore();
  });
  afterEach(async () => {
    await fixture.temp.dispose();
  });
  return fixture;
}
