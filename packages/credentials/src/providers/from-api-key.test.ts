import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, makeLongTermKey, makeShortTermKey } from "../__fixtures__/keys.js";
import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { fromApiKey } from "./from-api-key.js";

describe("fromApiKey", () => {
  it("yields a pasted long-term key as the token, without expiry or region", async () => {
    const key = makeLongTermKey();
    const provider = fromApiKey(`Bearer ${key}`);
    expect(provider.region).toBeUndefined();
    await expect(provider()).resolves.toEqual({ token: key });
  });

  it("carries a short-term key's region and expiry", async () => {
    const key = parseBedrockApiKey(makeShortTermKey({ region: "us-west-2" }), { now: FIXTURE_NOW });
    const provider = fromApiKey(key, { now: () => FIXTURE_NOW });
    expect(provider.region).toBe("us-west-2");
    await expect(provider()).resolves.toEqual({ token: key.reveal(), expiration: key.expiresAt });
  });

  it("fails up front on a bad key", () => {
    expect(() => fromApiKey("sk-proj-abcdefghijklmnop")).toThrow(BedrockKeyFormatError);
  });

  it("refuses a short-term key once it has expired", async () => {
    let now = FIXTURE_NOW;
    const provider = fromApiKey(makeShortTermKey({ expiresIn: 7200 }), { now: () => now });
    await provider();
    now = new Date("2026-01-15T12:00:00Z");
    await expect(provider()).rejects.toSatisfy(
      (error) => BedrockKeyFormatError.isInstance(error) && error.code === "EXPIRED",
    );
  });
});
