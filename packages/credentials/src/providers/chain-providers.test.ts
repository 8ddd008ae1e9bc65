import { describe, expect, it } from "vitest";
import { makeLongTermKey } from "../__fixtures__/keys.js";
import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { MissingApiKeyError } from "../errors/missing-api-key-error.js";
import { chainProviders } from "./chain-providers.js";
import { fromApiKey } from "./from-api-key.js";
import { fromAwsCredentials } from "./from-aws-credentials.js";
import { fromEnv } from "./from-env.js";

describe("chainProviders", () => {
  const key = makeLongTermKey();

  it("returns the first provider that yields a key", async () => {
    const provider = chainProviders(
      fromEnv({ env: {} }),
      fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: "  " } }),
      fromApiKey(key),
    );
    await expect(provider()).resolves.toEqual({ token: key });
  });

  it("prefers an earlier provider", async () => {
    const other = makeLongTermKey({ id: "zzzz" });
    const provider = chainProviders(fromApiKey(other), fromApiKey(key));
    expect((await provider()).token).toBe(other);
  });

  it("stops at a malformed key instead of skipping it", async () => {
    const provider = chainProviders(
      fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: "sk-ant-api03-xyz" } }),
      fromApiKey(key),
    );
    await expect(provider()).rejects.toSatisfy(
      (error) => BedrockKeyFormatError.isInstance(error) && error.code === "ANTHROPIC_KEY",
    );
  });

  it("says why each provider had nothing when none yields", async () => {
    const provider = chainProviders(
      fromEnv({ env: {} }),
      fromAwsCredentials({
        region: "us-east-1",
        credentials: async () => {
          throw new Error("no credentials here");
        },
      }),
    );
    await expect(provider()).rejects.toSatisfy(
      (error) => MissingApiKeyError.isInstance(error) && error.message.includes("2 providers"),
    );
  });

  it("keeps a region all its providers agree on", () => {
    const regional = fromAwsCredentials({
      region: "us-west-2",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    });
    expect(chainProviders(regional, regional).region).toBe("us-west-2");
    expect(chainProviders(regional, fromApiKey(key)).region).toBeUndefined();
  });
});
