import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runRolePlayingExample } from "./run-role-playing-example.js";

const exampleDir = fileURLToPath(new URL("..", import.meta.url));

describe("examples/role-playing", () => {
  it("runs the trading-bot role-play on the emulator when no key is set", async () => {
    const lines: string[] = [];
    const { outcome, usingEmulator, summary } = await runRolePlayingExample({
      env: {},
      log: (line) => lines.push(line),
    });
    expect(usingEmulator).toBe(true);
    expect(outcome.status).toBe("completed");
    expect(summary).toContain("said <TASK_DONE>");
    expect(lines.some((line) => line.startsWith("\n[python-programmer]"))).toBe(true);
  });

  it("prints a readable summary from `pnpm start`", async () => {
    const env = { ...process.env };
    delete env.AWS_BEARER_TOKEN_BEDROCK;
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--conditions=@bedrock-keys/source", "--import", "tsx", "src/main.ts", "--turns", "4"],
        { cwd: exampleDir, env },
      );
      let stdout = "";
      child.stdout.on("data", (data: Buffer) => {
        stdout += data.toString();
      });
      child.on("error", reject);
      child.on("close", (exitCode) => resolve({ code: exitCode, stdout }));
    });
    expect(code).toBe(0);
    expect(stdout).toContain("using the local emulator");
    expect(stdout).toContain("== role-play summary");
    expect(stdout).not.toMatch(/ABSK[A-Za-z0-9+/]{20,}/);
  }, 60_000);
});
