import { describe, expect, it } from "vitest";
import { leakedWindows, makeCanaryLongTermKey } from "./__fixtures__/canary-keys.js";
import { spawnCli } from "./__fixtures__/spawn-cli.js";
import { ExitCode } from "./exit-codes.js";

// A few end-to-end runs of the real executable; everything else runs in-process through runCli.
describe("bedrock-keys bin (child process)", () => {
  it("inspects a key piped on stdin and exits 0", async () => {
    const { key, secret } = makeCanaryLongTermKey();
    const result = await spawnCli(["inspect", "--json"], { stdin: key });
    expect(result.code).toBe(ExitCode.Ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: "long-term" });
    expect(leakedWindows(result.stdout + result.stderr, key, secret)).toEqual([]);
  });

  it("exits 3 with a typed error and no stack on a 2 MB binary stdin", async () => {
    const junk = new Uint8Array(2 * 1024 * 1024).map((_, index) => (index * 7919) % 256);
    const result = await spawnCli(["inspect"], { stdin: junk });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(ExitCode.KeyFormat);
    expect(result.stderr).toContain("[INPUT_TOO_LARGE]");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("runs a small demo end to end and exits 0", async () => {
    const result = await spawnCli(
      ["demo", "--latency", "none", "--agents", "3", "--ticks", "1", "--turns", "2"],
      {
        timeoutMs: 60_000,
      },
    );
    expect(result.signal).toBeNull();
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain("Summary");
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toMatch(/ABSK[A-Za-z0-9+/]{20,}/);
  }, 60_000);

  it("stops the emulator cleanly on SIGINT", async () => {
    const result = await spawnCli(["emulator", "--port", "0", "--latency", "none"], {
      killWhen: (stdout) => stdout.includes("press Ctrl-C to stop"),
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain("emulator stopped");
  });

  it("exits 2 on a usage error", async () => {
    const result = await spawnCli(["inspect", "--frobnicate"]);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toContain("unknown option");
  });
});
