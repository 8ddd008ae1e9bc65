import { startEmulator } from "@bedrock-keys/emulator";
import { describe, expect, it } from "vitest";
import { findLeaks, issueCanaryKeys } from "./__fixtures__/canary-keys.js";

describe("canary keys and findLeaks", () => {
  it("finds any 8-character run of either canary's secret, and nothing in unrelated text", async () => {
    const emulator = await startEmulator();
    try {
      const { longTerm, shortTerm, secrets } = await issueCanaryKeys(emulator);
      expect(longTerm.secrets.every((secret) => secret.length >= 40)).toBe(true);
      expect(shortTerm.secrets.every((secret) => secret.length >= 40)).toBe(true);
      for (const canary of [longTerm, shortTerm]) {
        expect(findLeaks(`log: ${canary.key} end`, secrets).length).toBeGreaterThan(0);
        for (const secret of canary.secrets) {
          expect(findLeaks(`x${secret.slice(17, 25)}y`, secrets)).toEqual([secret.slice(17, 25)]);
        }
      }
      expect(findLeaks(`ABSK…(1234abcd) bedrock-api-key-…(abcd1234) ${"A".repeat(64)}`, secrets)).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
