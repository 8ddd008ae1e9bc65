import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { leakedWindows } from "./__fixtures__/leaks.js";

const root = fileURLToPath(new URL("../", import.meta.url));

describe("the start script (src/main.ts)", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("serves the page, writes the demo keys to 0600 files without printing them, and stops on SIGINT", async () => {
    const directory = await mkdtemp(join(tmpdir(), "onboarding-main-"));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const child = spawn(
      process.execPath,
      [
        "--conditions=@bedrock-keys/source",
        "--import",
        "tsx",
        "src/main.ts",
        "--port",
        "0",
        "--demo-keys",
        directory,
      ],
      { cwd: root, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    cleanups.push(async () => {
      child.kill("SIGKILL");
      await exited;
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const url = await new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        const match = /Onboarding page: (http:\/\/\S+)/.exec(stdout);
        if (match?.[1] !== undefined && stdout.includes("Press Ctrl-C")) resolve(match[1]);
      });
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Connect your Amazon Bedrock API key");

    for (const name of ["long-term.txt", "short-term.txt", "expired-short-term.txt"]) {
      const file = join(directory, name);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const key = (await readFile(file, "utf8")).trim();
      expect(stdout).toContain(file);
      expect(leakedWindows(stdout + stderr, key)).toEqual([]);
    }
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
