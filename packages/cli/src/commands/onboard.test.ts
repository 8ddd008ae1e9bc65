import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { mintShortTermKey } from "@bedrock-keys/credentials";
import { describe, expect, it } from "vitest";
import { leakedWindows } from "../__fixtures__/canary-keys.js";
import { run } from "../__fixtures__/test-io.js";
import { useEmulatorAndStore } from "../__fixtures__/use-emulator-and-store.js";
import { ExitCode } from "../exit-codes.js";

describe("bedrock-keys onboard and keys", () => {
  const fixture = useEmulatorAndStore();
  const now = new Date();

  const onboardArgs = (tenant: string, ...extra: string[]): string[] => [
    "onboard",
    "--tenant",
    tenant,
    "--endpoint",
    fixture.emulator.url,
    "--region",
    "us-east-1",
    "--store",
    fixture.temp.store,
    ...extra,
  ];

  it("onboards a long-term key from stdin, prints the report, and never the key", async () => {
    const key = fixture.emulator.keys.issueLongTermKey({ accountId: "111122223333" });
    const result = await run(onboardArgs("acme"), { stdin: `${key}\n`, env: fixture.temp.env, now });
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain("acme");
    expect(result.stdout).toContain("long-term");
    expect(result.stdout).toContain("111122223333");
    expect(result.stdout).toMatch(/ABSK…\([0-9a-f]{8}\)/);
    expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);

    const listed = await run(["keys", "list", "--store", fixture.temp.store, "--json"], {
      env: fixture.temp.env,
      now,
    });
    expect(listed.code).toBe(ExitCode.Ok);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { tenantId: "acme", status: "active", kind: "long-term" },
    ]);
    const table = await run(["keys", "list", "--store", fixture.temp.store], { env: fixture.temp.env, now });
    expect(table.stdout).toContain("acme");
    expect(table.stdout).toContain("active");
    for (const output of [listed, table])
      expect(leakedWindows(output.stdout + output.stderr, key)).toEqual([]);
  });

  it("prints the report as JSON with --json, with the short-term key's region and warning", async () => {
    const minted = await mintShortTermKey({
      credentials: fixture.emulator.keys.testCredentials,
      region: "us-east-1",
      expiresInSeconds: 3600,
      now,
    });
    const key = minted.reveal();
    const result = await run(onboardArgs("globex", "--json"), { stdin: key, env: fixture.temp.env, now });
    expect(result.code).toBe(ExitCode.Ok);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ tenantId: "globex", kind: "short-term", region: "us-east-1" });
    expect(JSON.stringify(report.warnings)).toContain("SHORT_TERM_KEY");
    expect(typeof report.verifiedAt).toBe("string");
    expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);
  });

  it("exits 4 with the reason and remediation when Bedrock rejects the key, and stores nothing", async () => {
    const key = fixture.emulator.keys.issueLongTermKey();
    fixture.emulator.keys.revoke(key);
    const result = await run(onboardArgs("initech"), { stdin: key, env: fixture.temp.env, now });
    expect(result.code).toBe(ExitCode.KeyRejected);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("[ONBOARDING_VERIFICATION_FAILED]");
    expect(result.stderr).toContain("reason: EXPIRED_OR_WRONG_REGION");
    expect(result.stderr).toMatch(/IAM console/);
    expect(leakedWindows(result.stderr, key)).toEqual([]);
    const shown = await run(["keys", "show", "initech", "--store", fixture.temp.store], {
      env: fixture.temp.env,
      now,
    });
    expect(shown.code).toBe(ExitCode.Store);
    expect(shown.stderr).toContain("[NO_ACTIVE_KEY]");
  });

  it("exits 4 for a key whose identity lacks bedrock:CallWithBearerToken", async () => {
    const key = fixture.emulator.keys.issueLongTermKey({ missingPermission: true });
    const result = await run(onboardArgs("umbrella"), { stdin: key, env: fixture.temp.env, now });
    expect(result.code).toBe(ExitCode.KeyRejected);
    expect(result.stderr).toContain("reason: MISSING_PERMISSION");
    expect(leakedWindows(result.stderr, key)).toEqual([]);
  });

  it("exits 3 for an AWS access key id, a truncated key and garbage stdin", async () => {
    const key = fixture.emulator.keys.issueLongTermKey();
    const cases: Array<[string | Uint8Array, string]> = [
      ["AKIAIOSFODNN7EXAMPLE", "[AWS_ACCESS_KEY_ID]"],
      [key.slice(0, 70), "[TRUNCATED]"],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x41]), "[INPUT_NOT_UTF8]"],
      ["x".repeat(200_000), "[INPUT_TOO_LARGE]"],
    ];
    for (const [stdin, code] of cases) {
      const result = await run(onboardArgs("acme"), { stdin, env: fixture.temp.env, now });
      expect(result.code).toBe(ExitCode.KeyFormat);
      expect(result.stderr).toContain(code);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);
    }
  });

  it("records a long-term key's IAM expiry from --expires-at and warns when it is near", async () => {
    const key = fixture.emulator.keys.issueLongTermKey();
    const soon = new Date(now.getTime() + 3 * 86_400_000).toISOString();
    const result = await run(onboardArgs("soon", "--expires-at", soon), {
      stdin: key,
      env: fixture.temp.env,
      now,
    });
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toMatch(/expires\s+│ \S+ \(in [23]d/);
    expect(result.stdout).toContain("[EXPIRES_SOON]");
    const bad = await run(onboardArgs("soon", "--expires-at", "next tuesday"), {
      stdin: key,
      env: fixture.temp.env,
      now,
    });
    expect(bad.code).toBe(ExitCode.Usage);
    expect(bad.stderr).toContain("[INVALID_DATE]");
  });

  it("stores without a live check with --no-verify, with a warning", async () => {
    const key = fixture.emulator.keys.issueLongTermKey();
    const result = await run(onboardArgs("hooli", "--no-verify", "--json"), {
      stdin: key,
      env: fixture.temp.env,
      now,
    });
    expect(result.code).toBe(ExitCode.Ok);
    const report = JSON.parse(result.stdout) as { verifiedAt: unknown; warnings: Array<{ code: string }> };
    expect(report.verifiedAt).toBeNull();
    expect(report.warnings.map((warning) => warning.code)).toContain("NOT_VERIFIED");
    expect(fixture.emulator.audit().some((entry) => entry.fingerprint === undefined)).toBe(false);
  });

  it("revokes a tenant's key and exits 5 when there is nothing left to revoke", async () => {
    const key = fixture.emulator.keys.issueLongTermKey();
    expect((await run(onboardArgs("acme"), { stdin: key, env: fixture.temp.env, now })).code).toBe(
      ExitCode.Ok,
    );
    const revoked = await run(["keys", "revoke", "acme", "--store", fixture.temp.store], {
      env: fixture.temp.env,
      now,
    });
    expect(revoked.code).toBe(ExitCode.Ok);
    expect(revoked.stdout).toContain("revoked");
    const shown = await run(["keys", "show", "acme", "--store", fixture.temp.store, "--json"], {
      env: fixture.temp.env,
      now,
    });
    expect(JSON.parse(shown.stdout)).toMatchObject([{ tenantId: "acme", status: "revoked" }]);
    const again = await run(["keys", "revoke", "acme", "--store", fixture.temp.store], {
      env: fixture.temp.env,
      now,
    });
    expect(again.code).toBe(ExitCode.Store);
    for (const output of [revoked, shown, again])
      expect(leakedWindows(output.stdout + output.stderr, key)).toEqual([]);
  });

  it("rotates a tenant's key: the new key is verified, the old one retired; unknown tenants exit 5", async () => {
    const oldKey = fixture.emulator.keys.issueLongTermKey();
    const newKey = fixture.emulator.keys.issueLongTermKey();
    expect((await run(onboardArgs("acme"), { stdin: oldKey, env: fixture.temp.env, now })).code).toBe(
      ExitCode.Ok,
    );
    const rotateArgs = (tenant: string): string[] => [
      "keys",
      "rotate",
      tenant,
      "--endpoint",
      fixture.emulator.url,
      "--region",
      "us-east-1",
      "--store",
      fixture.temp.store,
      "--json",
    ];
    const rotated = await run(rotateArgs("acme"), { stdin: newKey, env: fixture.temp.env, now });
    expect(rotated.code).toBe(ExitCode.Ok);
    const report = JSON.parse(rotated.stdout) as { retired: string[]; fingerprint: string };
    expect(report.retired).toHaveLength(1);
    const shown = await run(["keys", "show", "acme", "--store", fixture.temp.store, "--json"], {
      env: fixture.temp.env,
      now,
    });
    const statuses = (JSON.parse(shown.stdout) as Array<{ fingerprint: string; status: string }>).map(
      (record) => `${record.fingerprint === report.fingerprint ? "new" : "old"}:${record.status}`,
    );
    expect(statuses.sort()).toEqual(["new:active", "old:retired"]);

    const rejected = fixture.emulator.keys.issueLongTermKey({ deniedByPolicy: true });
    const failed = await run(rotateArgs("acme"), { stdin: rejected, env: fixture.temp.env, now });
    expect(failed.code).toBe(ExitCode.KeyRejected);
    const after = await run(["keys", "show", "acme", "--store", fixture.temp.store, "--json"], {
      env: fixture.temp.env,
      now,
    });
    expect(JSON.parse(after.stdout)).toContainEqual(
      expect.objectContaining({ fingerprint: report.fingerprint, status: "active" }),
    );

    const unknown = await run(rotateArgs("nobody"), { stdin: newKey, env: fixture.temp.env, now });
    expect(unknown.code).toBe(ExitCode.Store);
    for (const output of [rotated, shown, failed, after, unknown]) {
      const text = output.stdout + output.stderr;
      expect([
        ...leakedWindows(text, oldKey),
        ...leakedWindows(text, newKey),
        ...leakedWindows(text, rejected),
      ]).toEqual([]);
    }
  });

  it("exits 5 with a typed error for a wrong master key or a file that is not a key store", async () => {
    const key = fixture.emulator.keys.issueLongTermKey();
    expect((await run(onboardArgs("acme"), { stdin: key, env: fixture.temp.env, now })).code).toBe(
      ExitCode.Ok,
    );
    const wrongKey = { ...fixture.temp.env, BEDROCK_KEYS_MASTER_KEY: randomBytes(32).toString("base64") };
    const wrong = await run(["keys", "list", "--store", fixture.temp.store], { env: wrongKey, now });
    expect(wrong.code).toBe(ExitCode.Store);
    expect(wrong.stderr).toMatch(/\[[A-Z_]+\]/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);

    const garbage = `${fixture.temp.directory}/garbage.db`;
    await writeFile(garbage, randomBytes(8192));
    const corrupt = await run(["keys", "list", "--store", garbage], { env: fixture.temp.env, now });
    expect(corrupt.code).toBe(ExitCode.Store);
    expect(corrupt.stderr).toContain("[STORE_UNAVAILABLE]");
  });
});
