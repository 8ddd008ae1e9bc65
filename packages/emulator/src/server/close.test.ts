import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the fixture in a child and reports whether it exited by itself within `limitMs`. */
function runFixture(
  args: string[],
  limitMs: number,
): Promise<{ exited: boolean; code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/__fixtures__/close-right-after-requests.ts", ...args],
      { cwd: packageRoot, stdio: ["ignore", "pipe", "ignore"] },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ exited: signal === null, code, stdout });
    });
  });
}

describe("emulator.close()", () => {
  // A regression: resetting the sockets of HTTP/2 sessions that were still closing left Node spinning at 100%
  // CPU, so every process that ran the emulator in-process (tests, the demo, the examples) never exited.
  it("lets the process exit right after HTTP/2 requests, with the client destroyed or still open", async () => {
    const results = await Promise.all([
      runFixture(["1"], 20_000),
      runFixture(["8"], 20_000),
      runFixture(["4", "keep-client"], 20_000),
    ]);
    for (const result of results) {
      expect(result.stdout).toContain("closed");
      expect(result.exited).toBe(true);
      expect(result.code).toBe(0);
    }
  }, 30_000);
});
