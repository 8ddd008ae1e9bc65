import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const exampleDir = fileURLToPath(new URL("..", import.meta.url));

function runExample(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.AWS_BEARER_TOKEN_BEDROCK;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@bedrock-keys/source", "--import", "tsx", "src/main.ts"],
      { cwd: exampleDir, env },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("examples/langchain-chain", () => {
  it("runs the chain end to end on the emulator when no key is set", async () => {
    const { code, stdout, stderr } = await runExample();
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    expect(stdout).toContain("using the local emulator");
    expect(stdout).toContain("== 1. streaming a chain");
    expect(stdout).toMatch(/acme: {3}\S/);
    expect(stdout).toMatch(/globex: \S/);
    expect(stdout).toMatch(/"priority":"(low|normal|high)"/);
    expect(stdout).toContain("for 2 key fingerprints");
    expect(stdout).not.toMatch(/ABSK[A-Za-z0-9+/]{20,}/);
  }, 60_000);
});
