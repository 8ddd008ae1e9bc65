import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakedWindows } from "../__fixtures__/canary-keys.js";
import { run } from "../__fixtures__/test-io.js";
import { ExitCode } from "../exit-codes.js";

const small = ["--latency", "none", "--agents", "4", "--ticks", "2", "--turns", "3"];

describe("bedrock-keys demo", () => {
  it("runs onboarding, a role-play and a simulation on the embedded emulator, printing no key", async () => {
    const result = await run(["demo", ...small], { now: new Date() });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(ExitCode.Ok);
    const out = result.stdout;
    expect(out).toContain('1. Onboarding tenant "demo-tenant"');
    expect(out).toMatch(/verified\s+│ .* with (CountTokens|Converse) on amazon\.nova-lite-v1:0/);
    expect(out).toMatch(/[✓■] role-play (completed|stopped \(max-turns\)) after \d turn/);
    expect(out).toMatch(/tick 2\/2: 4 actions/);
    expect(out).toMatch(/✓ simulation completed/);
    expect(out).toMatch(/│ total\s+│/);
    const audit = /emulator audit: (\d+) requests, (\d+) of them on the tenant's key/.exec(out);
    expect(audit?.[1]).toBeDefined();
    expect(audit?.[1]).toBe(audit?.[2]);
    expect(out).not.toMatch(/ABSK[A-Za-z0-9+/]{20,}/);
  });

  describe("with a key in AWS_BEARER_TOKEN_BEDROCK", () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({ region: "us-west-2" });
    });
    afterAll(async () => {
      await emulator.close();
    });

    it("uses that key and endpoint instead of the embedded emulator", async () => {
      const key = emulator.keys.issueLongTermKey();
      const before = emulator.audit().length;
      const result = await run(["demo", ...small, "--endpoint", emulator.url], {
        env: { AWS_BEARER_TOKEN_BEDROCK: key, AWS_REGION: "us-west-2" },
        now: new Date(),
      });
      expect(result.code).toBe(ExitCode.Ok);
      expect(result.stdout).toContain(`${emulator.url} in us-west-2`);
      expect(result.stdout).not.toContain("emulator audit");
      const calls = emulator.audit().slice(before);
      expect(calls.length).toBeGreaterThan(10);
      expect(calls.every((entry) => entry.status === 200 || entry.status === 429)).toBe(true);
      expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);
    });

    it("exits 4 with the reason when that key is rejected", async () => {
      const key = emulator.keys.issueLongTermKey();
      emulator.keys.setStatus(key, "Inactive");
      const result = await run(["demo", ...small, "--endpoint", emulator.url], {
        env: { AWS_BEARER_TOKEN_BEDROCK: key, AWS_REGION: "us-west-2" },
        now: new Date(),
      });
      expect(result.code).toBe(ExitCode.KeyRejected);
      expect(result.stderr).toContain("reason: EXPIRED_OR_WRONG_REGION");
      expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);
    });

    it("exits 3 when the variable holds something that is not a Bedrock key", async () => {
      const result = await run(["demo", ...small], {
        env: { AWS_BEARER_TOKEN_BEDROCK: "sk-proj-abc123def456ghi789" },
      });
      expect(result.code).toBe(ExitCode.KeyFormat);
      expect(result.stderr).toContain("[OPENAI_KEY]");
      expect(result.stderr).not.toContain("abc123def456");
    });
  });
});
