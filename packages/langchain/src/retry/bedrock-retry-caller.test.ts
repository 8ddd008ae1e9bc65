import { describe, expect, it } from "vitest";
import { BedrockRetryCaller } from "./bedrock-retry-caller.js";
import { classifyBedrockError } from "./classify-bedrock-error.js";

function sdkError(name: string, status: number) {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

describe("BedrockRetryCaller", () => {
  it("retries throttling and transient errors up to maxRetries, then gives up", async () => {
    const caller = new BedrockRetryCaller({
      maxRetries: 2,
      backoff: { baseDelayMs: 1, throttlingBaseDelayMs: 1 },
    });
    let attempts = 0;
    const error = await caller
      .call(async () => {
        attempts += 1;
        throw sdkError("ThrottlingException", 429);
      })
      .catch((caught: unknown) => caught);
    expect(attempts).toBe(3);
    expect((error as Error).name).toBe("ThrottlingException");

    let flaky = 0;
    const result = await caller.call(async () => {
      flaky += 1;
      if (flaky === 1) throw sdkError("ServiceUnavailableException", 503);
      return "ok";
    });
    expect(result).toBe("ok");
  });

  it("does not retry validation or access denied errors", async () => {
    const caller = new BedrockRetryCaller({ maxRetries: 5, backoff: { baseDelayMs: 1 } });
    for (const error of [sdkError("ValidationException", 400), sdkError("AccessDeniedException", 403)]) {
      let attempts = 0;
      await caller
        .call(async () => {
          attempts += 1;
          throw error;
        })
        .catch(() => undefined);
      expect(attempts).toBe(1);
    }
  });

  it("waits longer on throttling than on transient errors, with jitter in bounds", () => {
    const low = new BedrockRetryCaller({ random: () => 0 });
    const high = new BedrockRetryCaller({ random: () => 1 });
    expect(low.delayFor("throttling", 1)).toBe(1000);
    expect(high.delayFor("throttling", 1)).toBe(2000);
    expect(high.delayFor("throttling", 3)).toBe(8000);
    expect(high.delayFor("throttling", 20)).toBe(30_000);
    expect(high.delayFor("transient", 1)).toBe(250);
    expect(low.delayFor("transient", 1)).toBe(0);
  });

  it("stops waiting as soon as the signal aborts", async () => {
    const caller = new BedrockRetryCaller({ maxRetries: 3, backoff: { throttlingBaseDelayMs: 60_000 } });
    const controller = new AbortController();
    const pending = caller.callWithOptions({ signal: controller.signal }, async () => {
      throw sdkError("ThrottlingException", 429);
    });
    setTimeout(() => controller.abort(new Error("stop")), 5);
    await expect(pending).rejects.toThrow("stop");
  });
});

describe("classifyBedrockError", () => {
  it("classifies SDK errors", () => {
    expect(classifyBedrockError(sdkError("ModelNotReadyException", 429))).toBe("throttling");
    expect(classifyBedrockError(sdkError("InternalServerException", 500))).toBe("transient");
    expect(classifyBedrockError(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe("transient");
    expect(classifyBedrockError(sdkError("ResourceNotFoundException", 404))).toBe("fatal");
    expect(classifyBedrockError(Object.assign(new Error("aborted"), { name: "AbortError" }))).toBe("fatal");
  });
});
