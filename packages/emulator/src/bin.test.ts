import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runEmulatorCli } from "./run-emulator-cli.js";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("bedrock-emulator", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child !== undefined && child.exitCode === null) child.kill("SIGKILL");
  });

  it("prints its URL and a working long-term key, and stops cleanly on SIGTERM", async () => {
    child = spawn(
      process.execPath,
      ["--import", "tsx", "src/bin.ts", "--port", "0", "--region", "eu-west-1"],
      {
        cwd: packageRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    child.stdout?.setEncoding("utf8");
    const ready = new Promise<void>((resolve) => {
      child?.stdout?.on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("Press Ctrl-C")) resolve();
      });
    });
    await ready;
    const url = /listening on (http:\/\/\S+) \(region eu-west-1\)/.exec(stdout)?.[1];
    const key = /API key: (ABSK\S+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    const response = await fetch(`${url}/model/amazon.nova-lite-v1:0/converse`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hello" }] }] }),
    });
    expect(response.status).toBe(200);
    child.kill("SIGTERM");
    expect(await waitForExit(child)).toBe(0);
    expect(stdout).toContain("Received SIGTERM, stopping.");
  });

  it("prints usage for --help and refuses unknown flags with exit code 2", async () => {
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    expect((await runEmulatorCli(["--help"], output)).exitCode).toBe(0);
    expect(lines.join("\n")).toContain("Usage: bedrock-emulator");
    expect((await runEmulatorCli(["--bogus"], output)).exitCode).toBe(2);
    expect((await runEmulatorCli(["--port", "-5"], output)).exitCode).toBe(2);
  });
});
