import { describe, expect, it } from "vitest";
import { leakedWindows, makeCanaryLongTermKey } from "./__fixtures__/canary-keys.js";
import { run } from "./__fixtures__/test-io.js";
import { ExitCode } from "./exit-codes.js";

describe("runCli", () => {
  it("prints help with exit code 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain("Usage: bedrock-keys");
    expect(result.stdout).toContain("demo");
  });

  it("prints the version", async () => {
    const result = await run(["--version"]);
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("exits 2 on an unknown command", async () => {
    const result = await run(["frobnicate"]);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toContain("unknown command");
  });

  it("exits 2 on an unknown option", async () => {
    const result = await run(["demo", "--nope"]);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toContain("unknown option");
  });

  it("does not echo a key passed by mistake as an argument", async () => {
    const { key, secret } = makeCanaryLongTermKey();
    const extra = await run(["demo", key]);
    expect(extra.code).toBe(ExitCode.Usage);
    expect(leakedWindows(extra.stdout + extra.stderr, key, secret)).toEqual([]);
    // Commander quotes an unknown command; the quote is redacted.
    const asCommand = await run([key]);
    expect(asCommand.code).toBe(ExitCode.Usage);
    expect(asCommand.stderr).toContain("unknown command '[redacted]'");
    expect(leakedWindows(asCommand.stdout + asCommand.stderr, key, secret)).toEqual([]);
  });
});
