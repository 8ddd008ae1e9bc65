import { startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { describe, expect, it } from "vitest";
import { classifyError } from "./is-retryable-error.js";

describe("classifyError against the emulator", () => {
  it("treats a connection reset (the SDK's HTTP/2 TimeoutError) as transient, not fatal", async () => {
    const emulator = await startEmulator({ faults: { sequence: ["connectionReset"] } });
    try {
      const model = new ChatBedrockKey({
        model: "amazon.nova-lite-v1:0",
        apiKey: emulator.keys.issueLongTermKey(),
        endpoint: emulator.url,
        region: emulator.region,
        maxRetries: 0,
        env: {},
      });
      const error = await model.invoke("hi").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(classifyError(error)).toBe("transient");
    } finally {
      await emulator.close();
    }
  });
});
