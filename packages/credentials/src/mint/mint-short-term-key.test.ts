import { getToken } from "@aws/bedrock-token-generator";
import type { AwsCredentialIdentity } from "@smithy/types";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CredentialsExpiredError } from "../errors/credentials-expired-error.js";
import { CredentialsUnavailableError } from "../errors/credentials-unavailable-error.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { mintShortTermKey } from "./mint-short-term-key.js";

const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const sessionCredentials = {
  accessKeyId: "ASIAY34FZKBOKMUTVV7A",
  secretAccessKey: "Xb9r+TmQ/2kLz8pWvN4yH7cJ1dF6gA3sE0uR5tYi",
  sessionToken: "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc/def==",
};

/** The official generator's token at a fixed clock (it has no clock option, so Date is faked). */
async function officialToken(options: Parameters<typeof getToken>[0], at: Date): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    return await getToken(options);
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("mintShortTermKey", () => {
  const at = new Date("2026-03-04T05:06:07.890Z");

  it("is byte-identical to @aws/bedrock-token-generator's getToken", async () => {
    const ours = await mintShortTermKey({ credentials, region: "us-west-2", now: at });
    expect(ours.reveal()).toBe(await officialToken({ credentials, region: "us-west-2" }, at));
  });

  it("is byte-identical with session credentials, a provider and a custom lifetime", async () => {
    const ours = await mintShortTermKey({
      credentials: async () => sessionCredentials,
      region: "eu-central-1",
      expiresInSeconds: 900,
      now: at,
    });
    const official = await officialToken(
      { credentials: sessionCredentials, region: "eu-central-1", expiresInSeconds: 900 },
      at,
    );
    expect(ours.reveal()).toBe(official);
  });

  it("stays byte-identical for any credentials, region, lifetime and time", async () => {
    const base64ish = fc.string({
      unit: fc.constantFrom(..."ABCxyz0189+/=!*'()~ -_"),
      minLength: 1,
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          accessKeyId: fc.stringMatching(/^A[A-Z0-9]{19}$/),
          secretAccessKey: base64ish,
          sessionToken: fc.option(base64ish, { nil: undefined }),
        }),
        fc.constantFrom("us-east-1", "us-west-2", "eu-west-3", "ap-southeast-2", "us-gov-west-1"),
        fc.integer({ min: 1, max: 43_200 }),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        async (identity, region, expiresInSeconds, now) => {
          const creds: AwsCredentialIdentity = {
            accessKeyId: identity.accessKeyId,
            secretAccessKey: identity.secretAccessKey,
            ...(identity.sessionToken === undefined ? {} : { sessionToken: identity.sessionToken }),
          };
          const ours = await mintShortTermKey({ credentials: creds, region, expiresInSeconds, now });
          const official = await officialToken({ credentials: creds, region, expiresInSeconds }, now);
          expect(ours.reveal()).toBe(official);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ["us-west-2", 43_200, credentials],
    ["eu-central-1", 900, sessionCredentials],
  ] as const)(
    "parses the official generator's %s token to its region and expiry",
    async (region, expiresInSeconds, creds) => {
      const token = await officialToken({ credentials: creds, region, expiresInSeconds }, at);
      const key = parseBedrockApiKey(token, { now: at });
      expect(key.kind).toBe("short-term");
      expect(key.region).toBe(region);
      expect(key.issuedAt?.toISOString()).toBe("2026-03-04T05:06:07.000Z");
      expect(key.expiresAt?.getTime()).toBe(Date.parse("2026-03-04T05:06:07.000Z") + expiresInSeconds * 1000);
      expect(key.reveal()).toBe(token);
    },
  );

  it("parses the official generator's default-lifetime token as expired 12 hours later", async () => {
    const token = await officialToken({ credentials, region: "us-east-1" }, at);
    expect(() => parseBedrockApiKey(token, { now: new Date(at.getTime() + 43_200_000) })).toThrow(
      expect.objectContaining({ code: "EXPIRED" }),
    );
  });

  it("parses back to its region, signing time and expiry", async () => {
    const key = await mintShortTermKey({
      credentials,
      region: "ap-northeast-1",
      expiresInSeconds: 3600,
      now: at,
    });
    const parsed = parseBedrockApiKey(key.reveal(), { now: at });
    expect(parsed.region).toBe("ap-northeast-1");
    expect(parsed.issuedAt?.toISOString()).toBe("2026-03-04T05:06:07.000Z");
    expect(parsed.expiresAt?.toISOString()).toBe("2026-03-04T06:06:07.000Z");
    expect(key.expiresAt?.toISOString()).toBe(parsed.expiresAt?.toISOString());
    expect(key.fingerprint).toBe(parsed.fingerprint);
  });

  it("clamps the expiry to the credentials' expiration", async () => {
    const expiration = new Date("2026-03-04T05:36:07.000Z");
    const key = await mintShortTermKey({
      credentials: { ...credentials, expiration },
      region: "us-east-1",
      now: at,
    });
    expect(key.expiresAt?.toISOString()).toBe(expiration.toISOString());
    expect(key.secondsRemaining(at)).toBe(1799);
  });

  it("refuses expired credentials with a typed error", async () => {
    const expiration = new Date("2026-03-04T05:00:00.000Z");
    await expect(
      mintShortTermKey({ credentials: { ...credentials, expiration }, region: "us-east-1", now: at }),
    ).rejects.toSatisfy(
      (error) => CredentialsExpiredError.isInstance(error) && error.code === "CREDENTIALS_EXPIRED",
    );
  });

  it.each([0, -5, 43_201, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses expiresInSeconds %s with a typed error",
    async (expiresInSeconds) => {
      await expect(
        mintShortTermKey({ credentials, region: "us-east-1", expiresInSeconds }),
      ).rejects.toSatisfy(
        (error) => InvalidOptionsError.isInstance(error) && error.option === "expiresInSeconds",
      );
    },
  );

  it("accepts the bounds 1 and 43200", async () => {
    for (const expiresInSeconds of [1, 43_200]) {
      const key = await mintShortTermKey({ credentials, region: "us-east-1", expiresInSeconds, now: at });
      expect(key.secondsRemaining(at)).toBe(expiresInSeconds - 1);
    }
  });

  it("refuses a misspelt option, naming it", async () => {
    const options = { credentials, region: "us-east-1", expiresIn: 60 } as unknown as Parameters<
      typeof mintShortTermKey
    >[0];
    await expect(mintShortTermKey(options)).rejects.toSatisfy(
      (error) => InvalidOptionsError.isInstance(error) && error.option === "expiresIn",
    );
  });

  it("refuses a malformed region", async () => {
    await expect(mintShortTermKey({ credentials, region: "US East" })).rejects.toSatisfy(
      (error) => InvalidOptionsError.isInstance(error) && error.option === "region",
    );
  });

  it("wraps a failing credential provider and keeps its message out of key material", async () => {
    const failure = new Error("Could not load credentials from any providers");
    await expect(
      mintShortTermKey({
        credentials: async () => {
          throw failure;
        },
        region: "us-east-1",
      }),
    ).rejects.toSatisfy((error) => CredentialsUnavailableError.isInstance(error) && error.cause === failure);
  });
});
