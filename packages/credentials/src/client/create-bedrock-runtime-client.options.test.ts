import { describe, expect, it } from "vitest";
import { makeLongTermKey } from "../__fixtures__/keys.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { MissingApiKeyError } from "../errors/missing-api-key-error.js";
import { MissingRegionError } from "../errors/missing-region-error.js";
import { RegionMismatchError } from "../errors/region-mismatch-error.js";
import { mintShortTermKey } from "../mint/mint-short-term-key.js";
import { fromAwsCredentials } from "../providers/from-aws-credentials.js";
import { createBedrockRuntimeClient } from "./create-bedrock-runtime-client.js";

// Pure configuration checks: nothing here sends a request (those tests run against the emulator).
const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

async function regionOf(options: Parameters<typeof createBedrockRuntimeClient>[0]): Promise<string> {
  const client = createBedrockRuntimeClient(options);
  try {
    return await client.config.region();
  } finally {
    client.destroy();
  }
}

describe("createBedrockRuntimeClient options", () => {
  const longTerm = makeLongTermKey();

  it("takes the region of a short-term key", async () => {
    const key = await mintShortTermKey({ credentials, region: "eu-north-1" });
    expect(await regionOf({ apiKey: key, env: { AWS_REGION: "us-east-1" } })).toBe("eu-north-1");
  });

  it("takes the region of a fromAwsCredentials provider", async () => {
    const provider = fromAwsCredentials({ credentials, region: "ap-southeast-2" });
    expect(await regionOf({ tokenProvider: provider, env: {} })).toBe("ap-southeast-2");
  });

  it("refuses a region contradicting the short-term key", async () => {
    const key = await mintShortTermKey({ credentials, region: "eu-north-1" });
    expect(() => createBedrockRuntimeClient({ apiKey: key, region: "us-east-1", env: {} })).toThrow(
      RegionMismatchError,
    );
  });

  it("uses explicit region, then AWS_REGION, then AWS_DEFAULT_REGION from the injected env", async () => {
    expect(await regionOf({ apiKey: longTerm, region: "us-west-1", env: { AWS_REGION: "eu-west-1" } })).toBe(
      "us-west-1",
    );
    expect(
      await regionOf({ apiKey: longTerm, env: { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "x" } }),
    ).toBe("eu-west-1");
    expect(await regionOf({ apiKey: longTerm, env: { AWS_DEFAULT_REGION: "sa-east-1" } })).toBe("sa-east-1");
  });

  it("fails clearly without a region", () => {
    expect(() => createBedrockRuntimeClient({ apiKey: longTerm, env: {} })).toThrow(MissingRegionError);
  });

  it("fails clearly without a key, saying whether the variable is blank", () => {
    expect(() => createBedrockRuntimeClient({ region: "us-east-1", env: {} })).toThrow(MissingApiKeyError);
    expect(() =>
      createBedrockRuntimeClient({ region: "us-east-1", env: { AWS_BEARER_TOKEN_BEDROCK: "" } }),
    ).toThrow(/empty/);
  });

  it("refuses both apiKey and tokenProvider", () => {
    expect(() =>
      createBedrockRuntimeClient({
        apiKey: longTerm,
        tokenProvider: fromAwsCredentials({ credentials, region: "us-east-1" }),
        env: {},
      }),
    ).toThrow(InvalidOptionsError);
  });

  it("prefers bearer auth and yields the explicit key to the SDK", async () => {
    const client = createBedrockRuntimeClient({
      apiKey: longTerm,
      region: "us-east-1",
      env: { AWS_BEARER_TOKEN_BEDROCK: makeLongTermKey({ id: "envv" }) },
    });
    try {
      expect(await client.config.authSchemePreference()).toEqual(["httpBearerAuth"]);
      const identity = await client.config.token?.();
      expect(identity?.token).toBe(longTerm);
      await expect(client.config.credentials()).rejects.toThrow(/never used/);
    } finally {
      client.destroy();
    }
  });

  it("accepts BedrockRuntimeClientConfig options", async () => {
    const client = createBedrockRuntimeClient({
      apiKey: longTerm,
      region: "us-east-1",
      env: {},
      maxAttempts: 7,
    });
    try {
      expect(await client.config.maxAttempts()).toBe(7);
    } finally {
      client.destroy();
    }
  });
});
