import {
  ConverseCommand,
  ServiceUnavailableException,
  ThrottlingException,
} from "@aws-sdk/client-bedrock-runtime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearerClient, HAIKU, NOVA } from "../__fixtures__/bearer-client.js";
import type { Emulator } from "../emulator.js";
import { startEmulator } from "../start-emulator.js";

const HELLO = [{ role: "user" as const, content: [{ text: "Hello" }] }];

describe("quotas and faults", () => {
  let clock = 1_800_000_000_000;
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ now: () => clock });
  });
  afterEach(async () => {
    await emulator.close();
  });

  it("retries an injected 429 and the audit shows attempts 1 and 2 of one request", async () => {
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey());
    emulator.faults.set({ sequence: ["throttling"] });
    const response = await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    expect(response.stopReason).toBe("end_turn");
    const entries = emulator.audit();
    expect(entries.map((entry) => [entry.status, entry.attempt, entry.errorType])).toEqual([
      [429, 1, "ThrottlingException"],
      [200, 2, undefined],
    ]);
    expect(response.$metadata.attempts).toBe(2);
    client.destroy();
  });

  it("throttles past requestsPerMinute per key and model, and frees the window after a minute", async () => {
    emulator.quotas.set({ requestsPerMinute: 2 });
    const key = emulator.keys.issueLongTermKey();
    const client = bearerClient(emulator, key, { maxAttempts: 1 });
    await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    const error = await client
      .send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as Error).message).toBe("Too many requests, please wait before trying again.");
    await expect(client.send(new ConverseCommand({ modelId: NOVA, messages: HELLO }))).resolves.toBeDefined();
    const other = bearerClient(emulator, emulator.keys.issueLongTermKey(), { maxAttempts: 1 });
    await expect(other.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }))).resolves.toBeDefined();
    clock += 60_001;
    await expect(
      client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO })),
    ).resolves.toBeDefined();
    client.destroy();
    other.destroy();
  });

  it("reserves maxTokens against tokensPerMinute at admission", async () => {
    emulator.quotas.set({ tokensPerMinute: 5000 });
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey(), { maxAttempts: 1 });
    const big = client.send(
      new ConverseCommand({ modelId: HAIKU, messages: HELLO, inferenceConfig: { maxTokens: 6000 } }),
    );
    await expect(big).rejects.toBeInstanceOf(ThrottlingException);
    const small = { modelId: HAIKU, messages: HELLO, inferenceConfig: { maxTokens: 100 } };
    for (let index = 0; index < 5; index += 1) await client.send(new ConverseCommand(small));
    client.destroy();
  });

  it("injects faults from seeded rates deterministically", async () => {
    const outcomes = async () => {
      emulator.faults.set({ rates: { serviceUnavailable: 0.5 }, seed: 7 });
      const client = bearerClient(emulator, emulator.keys.issueLongTermKey(), { maxAttempts: 1 });
      const results: string[] = [];
      for (let index = 0; index < 12; index += 1) {
        results.push(
          await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO })).then(
            () => "ok",
            (error: unknown) => (error instanceof ServiceUnavailableException ? "503" : "other"),
          ),
        );
      }
      client.destroy();
      return results;
    };
    const first = await outcomes();
    expect(first).toContain("503");
    expect(first).toContain("ok");
    expect(first).not.toContain("other");
    expect(await outcomes()).toEqual(first);
  });

  it("resets the connection and the SDK's retry recovers; the server stays healthy", async () => {
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey());
    emulator.faults.set({ sequence: ["connectionReset"] });
    const response = await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    expect(response.stopReason).toBe("end_turn");
    expect(emulator.audit().map((entry) => entry.fault ?? "none")).toEqual(["connectionReset", "none"]);
    client.destroy();
  });

  it("delays a request by slowMs for a slow fault and then answers normally", async () => {
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey());
    emulator.faults.set({ sequence: ["slow"], slowMs: 30 });
    const response = await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    expect(response.stopReason).toBe("end_turn");
    expect(emulator.audit().at(-1)).toMatchObject({ fault: "slow", status: 200 });
    const entry = emulator.audit().at(-1)!;
    expect(entry.endedAt - entry.startedAt).toBeGreaterThanOrEqual(29);
    client.destroy();
  });

  it("answers scripted errors with Bedrock's status and name", async () => {
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey(), { maxAttempts: 1 });
    emulator.script(`us.${HAIKU}`, [{ error: "modelTimeout" }, { text: "scripted reply" }]);
    const error = await client
      .send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ModelTimeoutException", $metadata: { httpStatusCode: 408 } });
    const response = await client.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    expect(response.output?.message?.content?.[0]?.text).toBe("scripted reply");
    client.destroy();
  });
});
