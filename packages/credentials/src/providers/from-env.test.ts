import { describe, expect, it } from "vitest";
import { makeLongTermKey, makeShortTermKey } from "../__fixtures__/keys.js";
import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { MissingApiKeyError } from "../errors/missing-api-key-error.js";
import { fromEnv } from "./from-env.js";

describe("fromEnv", () => {
  it("yields the key in AWS_BEARER_TOKEN_BEDROCK of the injected env", async () => {
    const key = makeLongTermKey();
    await expect(fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: ` "${key}"\n` } })()).resolves.toEqual({
      token: key,
    });
  });

  it("reads the variable on every call", async () => {
    const env: Record<string, string | undefined> = {
      AWS_BEARER_TOKEN_BEDROCK: makeLongTermKey({ id: "aaaa" }),
    };
    const provider = fromEnv({ env });
    await provider();
    env.AWS_BEARER_TOKEN_BEDROCK = makeLongTermKey({ id: "bbbb" });
    expect((await provider()).token).toBe(makeLongTermKey({ id: "bbbb" }));
  });

  it("reports an unset variable", async () => {
    await expect(fromEnv({ env: {} })()).rejects.toSatisfy(
      (error) => MissingApiKeyError.isInstance(error) && !error.blank && error.message.includes("not set"),
    );
  });

  it.each(["", "   ", "\n"])("treats %j as absent and says it is empty", async (value) => {
    await expect(fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: value } })()).rejects.toSatisfy(
      (error) => MissingApiKeyError.isInstance(error) && error.blank && error.message.includes("empty"),
    );
  });

  it("reports what is wrong with a malformed key", async () => {
    await expect(fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: "AKIAIOSFODNN7EXAMPLE" } })()).rejects.toSatisfy(
      (error) => BedrockKeyFormatError.isInstance(error) && error.code === "AWS_ACCESS_KEY_ID",
    );
  });

  it("returns a short-term key's expiry and refuses it once expired", async () => {
    let now = new Date("2026-01-15T10:30:00Z");
    const env = { AWS_BEARER_TOKEN_BEDROCK: makeShortTermKey({ expiresIn: 3600 }) };
    const provider = fromEnv({ env, now: () => now });
    expect((await provider()).expiration?.toISOString()).toBe("2026-01-15T11:00:00.000Z");
    now = new Date("2026-01-15T11:00:01Z");
    await expect(provider()).rejects.toSatisfy(
      (error) => BedrockKeyFormatError.isInstance(error) && error.code === "EXPIRED",
    );
  });
});
