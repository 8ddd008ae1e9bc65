import { describe, expect, it } from "vitest";
import { leakedWindows, makeCanaryLongTermKey } from "../__fixtures__/canary-keys.js";
import { run } from "../__fixtures__/test-io.js";
import { ExitCode } from "../exit-codes.js";

describe("bedrock-keys inspect", () => {
  it("describes a long-term key from stdin without printing it", async () => {
    const { key, secret } = makeCanaryLongTermKey("210987654321");
    const result = await run(["inspect"], { stdin: `${key}\n` });
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain("long-term");
    expect(result.stdout).toContain("210987654321");
    expect(result.stdout).toMatch(/ABSK…\([0-9a-f]{8}\)/);
    expect(leakedWindows(result.stdout + result.stderr, key, secret)).toEqual([]);
  });

  it("prints JSON with --json", async () => {
    const { key, secret } = makeCanaryLongTermKey();
    const result = await run(["inspect", "--json"], { stdin: `export AWS_BEARER_TOKEN_BEDROCK="${key}"` });
    expect(result.code).toBe(ExitCode.Ok);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: "long-term", accountId: "123456789012", region: null });
    expect(json.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(leakedWindows(result.stdout + result.stderr, key, secret)).toEqual([]);
  });

  it("diagnoses an AWS access key id pasted by mistake (exit 3)", async () => {
    const result = await run(["inspect"], { stdin: "AKIAIOSFODNN7EXAMPLE\n" });
    expect(result.code).toBe(ExitCode.KeyFormat);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("[AWS_ACCESS_KEY_ID]");
    expect(result.stderr).toContain("not a Bedrock API key");
    expect(result.stderr).not.toContain("[redacted]");
    expect(result.stderr).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("diagnoses a truncated key without echoing it, and shows the stack only with --debug", async () => {
    const { key, secret } = makeCanaryLongTermKey();
    const cut = key.slice(0, 90);
    const plain = await run(["inspect"], { stdin: cut });
    expect(plain.code).toBe(ExitCode.KeyFormat);
    expect(plain.stderr).toContain("[TRUNCATED]");
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(["inspect", "--debug"], { stdin: cut });
    expect(debug.code).toBe(ExitCode.KeyFormat);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(leakedWindows(plain.stderr + debug.stderr, key, secret)).toEqual([]);
  });

  it("turns malformed stdin into typed errors, never a crash", async () => {
    const empty = await run(["inspect"], { stdin: "" });
    expect(empty.code).toBe(ExitCode.KeyFormat);
    expect(empty.stderr).toContain("[INPUT_EMPTY]");
    const binary = await run(["inspect"], { stdin: new Uint8Array([0x41, 0x42, 0xc3, 0x28, 0xff]) });
    expect(binary.code).toBe(ExitCode.KeyFormat);
    expect(binary.stderr).toContain("[INPUT_NOT_UTF8]");
    const huge = await run(["inspect"], { stdin: "A".repeat(1024 * 1024) });
    expect(huge.code).toBe(ExitCode.KeyFormat);
    expect(huge.stderr).toContain("[INPUT_TOO_LARGE]");
    const garbage = await run(["inspect"], { stdin: "}{ not a key at all \u0000\u0007" });
    expect(garbage.code).toBe(ExitCode.KeyFormat);
    expect(garbage.stderr).toMatch(/\[[A-Z_]+\]/);
  });
});
