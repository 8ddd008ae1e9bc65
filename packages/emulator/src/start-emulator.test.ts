import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterEach, describe, expect, it } from "vitest";
import { bearerClient, HAIKU } from "./__fixtures__/bearer-client.js";
import type { Emulator } from "./emulator.js";
import { EmulatorOptionsError } from "./errors/emulator-options-error.js";
import { UnknownKeyError } from "./errors/unknown-key-error.js";
import { startEmulator } from "./start-emulator.js";

describe("startEmulator", () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it("rejects invalid options with EmulatorOptionsError naming each option", async () => {
    const error = await startEmulator({ port: -1, latency: { tokensPerSecond: -5 } }).catch(
      (caught: unknown) => caught,
    );
    expect(EmulatorOptionsError.isInstance(error)).toBe(true);
    expect((error as EmulatorOptionsError).code).toBe("EMULATOR_INVALID_OPTIONS");
    expect((error as EmulatorOptionsError).paths).toEqual(["port", "latency.tokensPerSecond"]);
    await expect(startEmulator({ region: "mars" })).rejects.toThrow(/region/);
  });

  it("validates faults.set and quotas.set the same way", async () => {
    emulator = await startEmulator();
    expect(() => emulator?.faults.set({ rates: { throttling: 2 } })).toThrow(EmulatorOptionsError);
    expect(() => emulator?.quotas.set({ requestsPerMinute: 0 })).toThrow(EmulatorOptionsError);
  });

  it("validates scripts: unknown models and misspelled replies fail at script()", async () => {
    emulator = await startEmulator();
    expect(() => emulator?.script("acme.nope-v1:0", [{ text: "hi" }])).toThrow(EmulatorOptionsError);
    expect(() => emulator?.script("*", [{ txt: "hi" } as never])).toThrow(EmulatorOptionsError);
    expect(() => emulator?.script("*", [{ error: "throttle" } as never])).toThrow(EmulatorOptionsError);
    expect(() =>
      emulator?.script("us.amazon.nova-lite-v1:0", [{ text: "hi" }, { error: "throttling" }]),
    ).not.toThrow();
  });

  it("throws UnknownKeyError with only the fingerprint for keys it never issued", async () => {
    emulator = await startEmulator();
    const canary = "ABSKY2FuYXJ5LWtleS1tYXRlcmlhbA==";
    const error = (() => {
      try {
        emulator?.keys.revoke(canary);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(UnknownKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).not.toContain(canary);
  });

  it("issues a long-term key with a chosen secret (for canary leak tests)", async () => {
    emulator = await startEmulator();
    const key = emulator.keys.issueLongTermKey({
      userName: "canary",
      accountId: "111122223333",
      secret: "CANARYsecret0123456789",
    });
    expect(Buffer.from(key.slice(4), "base64").toString("utf8")).toBe(
      "canary-at-111122223333:CANARYsecret0123456789",
    );
    expect(() => emulator?.keys.issueLongTermKey({ secret: "short" })).toThrow(EmulatorOptionsError);
  });

  it("paces answers by the configured latency (metrics.latencyMs at least the first-token delay)", async () => {
    emulator = await startEmulator({ latency: { firstTokenMs: 40 } });
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey());
    const response = await client.send(
      new ConverseCommand({ modelId: HAIKU, messages: [{ role: "user", content: [{ text: "Hi" }] }] }),
    );
    // A lower bound only (timers never fire more than a millisecond early); no upper bound, which would be timing.
    expect(response.metrics?.latencyMs).toBeGreaterThanOrEqual(39);
    client.destroy();
  });

  it("closes promptly with a stream still pacing, and refuses new connections afterwards", async () => {
    emulator = await startEmulator({ latency: { firstTokenMs: 60_000 } });
    const client = bearerClient(emulator, emulator.keys.issueLongTermKey(), { maxAttempts: 1 });
    // send() resolves once the stream's headers arrive; the first delta is then 60 s away.
    const response = await client.send(
      new ConverseStreamCommand({ modelId: HAIKU, messages: [{ role: "user", content: [{ text: "Hi" }] }] }),
    );
    const url = emulator.url;
    await emulator.close();
    // The SDK ends an event stream quietly when its connection is reset; what shows is that it was cut short.
    const kinds: string[] = [];
    try {
      for await (const event of response.stream ?? []) kinds.push(...Object.keys(event));
    } catch {
      /* a reset may also surface as an error */
    }
    expect(kinds).not.toContain("messageStop");
    await expect(fetch(url)).rejects.toThrow();
    client.destroy();
  });
});
