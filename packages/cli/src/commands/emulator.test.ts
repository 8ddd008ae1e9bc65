import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { leakedWindows } from "../__fixtures__/canary-keys.js";
import { createTestIo } from "../__fixtures__/test-io.js";
import { ExitCode } from "../exit-codes.js";
import { runCli } from "../run-cli.js";

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(read());
    if (match !== null) return match;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("bedrock-keys emulator", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("serves Converse for the key it wrote to --key-file, never prints the key, and stops on abort", async () => {
    const directory = await mkdtemp(join(tmpdir(), "bedrock-keys-emulator-"));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const keyFile = join(directory, "key.txt");
    const controller = new AbortController();
    const test = createTestIo({ signal: controller.signal });
    const running = runCli(["emulator", "--port", "0", "--latency", "none", "--key-file", keyFile], test.io);
    cleanups.push(async () => {
      controller.abort();
      await running;
    });
    const [, url] = await waitFor(test.stdout, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const key = (await readFile(keyFile, "utf8")).trim();
    expect(key).toMatch(/^ABSK/);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const response = await fetch(`${url}/model/${encodeURIComponent("amazon.nova-lite-v1:0")}/converse`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "Say hello" }] }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { output: { message: { role: string } } };
    expect(body.output.message.role).toBe("assistant");

    controller.abort();
    expect(await running).toBe(ExitCode.Ok);
    expect(test.stdout()).toContain("emulator stopped");
    expect(leakedWindows(test.stdout() + test.stderr(), key)).toEqual([]);
  });

  it("rejects a bad --port with exit code 2", async () => {
    const test = createTestIo();
    expect(await runCli(["emulator", "--port", "99999"], test.io)).toBe(ExitCode.Usage);
  });
});
