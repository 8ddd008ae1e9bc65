import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createTempStore } from "./temp-store.js";

/**
 * Registers the hooks most command tests share: one emulator for the file, a fresh temporary key store per test.
 * Read `fixture.emulator` and `fixture.temp` inside tests (they are set by the hooks).
 */
export function useEmulatorAndStore(): {
  readonly emulator: Emulator;
  readonly temp: Awaited<ReturnType<typeof createTempStore>>;
} {
  const fixture = {} as { emulator: Emulator; temp: Awaited<ReturnType<typeof createTempStore>> };
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
