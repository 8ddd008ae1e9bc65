import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runWorldSimulationExample } from "./run-world-simulation-example.js";

const exampleDir = fileURLToPath(new URL("..", import.meta.url));

describe("examples/world-simulation", () => {
  it("runs the market on the emulator when no key is set", async () => {
    const lines: string[] = [];
    const report = await runWorldSimulationExample({
      env: {},
      agents: 30,
      ticks: 3,
      log: (line) => lines.push(line),
    });
    expect(report.usingEmulator).toBe(true);
    expect(report.outcome.status).toBe("completed");
    expect(report.outcome.result?.ticksCompleted).toBe(3);
    expect(lines.filter((line) => line.startsWith("tick "))).toHaveLength(3);
    expect(report.summary).toContain("== market simulation summary");
  });

  it("prints a readable summary from `pnpm start --agents N`", async () => {
    const env = { ...process.env };
    delete env.AWS_BEARER_TOKEN_BEDROCK;
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          "--conditions=@bedrock-keys/source",
          "--import",
          "tsx",
          "src/main.ts",
          "--agents",
          "20",
          "--ticks",
          "2",
        ],
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
    expect(stdout).toContain("20 traders x 2 ticks");
    expect(stdout).toContain("ticks:         2 of 2, 20 traders");
    expect(stdout).not.toMatch(/ABSK[A-Za-z0-9+/]{20,}/);
  }, 60_000);
});
