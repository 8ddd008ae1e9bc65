import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../__fixtures__/test-io.js";
import { ExitCode } from "../exit-codes.js";

describe("bedrock-keys mint", () => {
  let emulator: Emulator;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator();
    env = {
      AWS_ACCESS_KEY_ID: emulator.keys.testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emulator.keys.testCredentials.secretAccessKey,
    };
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("prints only the key on stdout, and the emulator accepts it", async () => {
    const result = await run(["mint", "--region", "us-east-1", "--expires", "1h"], { env, now: new Date() });
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    const key = lines[0] ?? "";
    expect(key).toMatch(/^bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t/);
    const response = await fetch(
      `${emulator.url}/model/${encodeURIComponent("amazon.nova-lite-v1:0")}/converse`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({
          messages: [{ role: "user", content: [{ text: "hi" }] }],
          inferenceConfig: { maxTokens: 5 },
        }),
      },
    );
    expect(response.status).toBe(200);
  });

  it("takes the region from AWS_REGION", async () => {
    const result = await run(["mint"], { env: { ...env, AWS_REGION: "eu-west-1" }, now: new Date() });
    expect(result.code).toBe(ExitCode.Ok);
    expect(Buffer.from(result.stdout.trim().slice("bedrock-api-key-".length), "base64").toString()).toContain(
      "eu-west-1",
    );
  });

  it("refuses a lifetime over 12 hours or a bad duration with exit code 2 and prints no key", async () => {
    for (const expires of ["13h", "soon"]) {
      const result = await run(["mint", "--region", "us-east-1", "--expires", expires], { env });
      expect(result.code).toBe(ExitCode.Usage);
      expect(result.stdout).toBe("");
    }
  });

  it("refuses a missing or invalid region with exit code 2", async () => {
    expect((await run(["mint"], { env })).code).toBe(ExitCode.Usage);
    const bad = await run(["mint", "--region", "moon-base-1x"], { env });
    expect(bad.code).toBe(ExitCode.Usage);
    expect(bad.stdout).toBe("");
  });

  it("never echoes the AWS secret access key in errors", async () => {
    const result = await run(["mint", "--region", "nowhere"], { env });
    expect(result.stdout + result.stderr).not.toContain(env.AWS_SECRET_ACCESS_KEY?.slice(0, 8));
  });
});
