import type { AwsCredentialIdentity } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { CredentialsExpiredError } from "../errors/credentials-expired-error.js";
import { CredentialsUnavailableError } from "../errors/credentials-unavailable-error.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { fromAwsCredentials } from "./from-aws-credentials.js";

const base = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

function fakeClock(start = "2026-05-01T12:00:00.000Z") {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    advanceSeconds: (seconds: number) => {
      time += seconds * 1000;
    },
  };
}

/** A credential provider that counts how often it is asked (once per mint). */
function countingCredentials(identity: () => AwsCredentialIdentity = () => base) {
  const state = { calls: 0 };
  const provider = async () => {
    state.calls += 1;
    await new Promise((resolve) => setImmediate(resolve));
    return identity();
  };
  return { provider, state };
}

describe("fromAwsCredentials", () => {
  it("mints a short-term key for its region and reports its expiry", async () => {
    const clock = fakeClock();
    const provider = fromAwsCredentials({
      credentials: base,
      region: "eu-west-1",
      expiresInSeconds: 3600,
      now: clock.now,
    });
    expect(provider.region).toBe("eu-west-1");
    const identity = await provider();
    const key = parseBedrockApiKey(identity.token, { now: clock.now() });
    expect(key.region).toBe("eu-west-1");
    expect(identity.expiration?.toISOString()).toBe("2026-05-01T13:00:00.000Z");
  });

  it("reuses the key until refreshBeforeSeconds before expiry, then mints the next", async () => {
    const clock = fakeClock();
    const { provider: credentials, state } = countingCredentials();
    const provider = fromAwsCredentials({
      credentials,
      region: "us-east-1",
      expiresInSeconds: 3600,
      refreshBeforeSeconds: 300,
      now: clock.now,
    });
    const first = await provider();
    clock.advanceSeconds(3299);
    expect((await provider()).token).toBe(first.token);
    expect(state.calls).toBe(1);
    clock.advanceSeconds(2);
    const second = await provider();
    expect(state.calls).toBe(2);
    expect(second.token).not.toBe(first.token);
    expect(second.expiration?.toISOString()).toBe("2026-05-01T13:55:01.000Z");
  });

  it("mints exactly once for 100 concurrent callers", async () => {
    const clock = fakeClock();
    const { provider: credentials, state } = countingCredentials();
    const provider = fromAwsCredentials({ credentials, region: "us-east-1", now: clock.now });
    const identities = await Promise.all(Array.from({ length: 100 }, () => provider()));
    expect(state.calls).toBe(1);
    expect(new Set(identities.map((identity) => identity.token)).size).toBe(1);
    clock.advanceSeconds(43_200 - 299);
    await Promise.all(Array.from({ length: 100 }, () => provider()));
    expect(state.calls).toBe(2);
  });

  it("clamps to credentials that expire first and refreshes before they do", async () => {
    const clock = fakeClock();
    const { provider: credentials, state } = countingCredentials(() => ({
      ...base,
      expiration: new Date(clock.now().getTime() + 20 * 60_000),
    }));
    const provider = fromAwsCredentials({ credentials, region: "us-east-1", now: clock.now });
    const first = await provider();
    expect(first.expiration?.toISOString()).toBe("2026-05-01T12:20:00.000Z");
    clock.advanceSeconds(14 * 60);
    await provider();
    expect(state.calls).toBe(1);
    clock.advanceSeconds(61);
    const second = await provider();
    expect(state.calls).toBe(2);
    expect(second.expiration?.getTime()).toBeGreaterThan(first.expiration?.getTime() ?? 0);
  });

  it("surfaces expired credentials as CredentialsExpiredError and recovers when they are renewed", async () => {
    const clock = fakeClock();
    let expiration = new Date("2026-05-01T11:00:00.000Z");
    const provider = fromAwsCredentials({
      credentials: async () => ({ ...base, expiration }),
      region: "us-east-1",
      now: clock.now,
    });
    await expect(provider()).rejects.toSatisfy(
      (error) =>
        CredentialsExpiredError.isInstance(error) && error.expiredAt.getTime() === expiration.getTime(),
    );
    expiration = new Date("2026-05-01T18:00:00.000Z");
    await expect(provider()).resolves.toHaveProperty("token");
  });

  it("keeps serving the current key when an early refresh fails, and fails once it has expired", async () => {
    const clock = fakeClock();
    let failing = false;
    const provider = fromAwsCredentials({
      credentials: async () => {
        if (failing) throw new Error("metadata service unreachable");
        return base;
      },
      region: "us-east-1",
      expiresInSeconds: 3600,
      now: clock.now,
    });
    const first = await provider();
    failing = true;
    clock.advanceSeconds(3400);
    expect((await provider()).token).toBe(first.token);
    clock.advanceSeconds(200);
    await expect(provider()).rejects.toSatisfy((error) => CredentialsUnavailableError.isInstance(error));
    failing = false;
    expect((await provider()).token).not.toBe(first.token);
  });

  it("wraps a failing credential provider as CredentialsUnavailableError", async () => {
    const provider = fromAwsCredentials({
      credentials: async () => {
        throw new Error("Could not load credentials from any providers");
      },
      region: "us-east-1",
    });
    await expect(provider()).rejects.toSatisfy((error) => CredentialsUnavailableError.isInstance(error));
  });

  it.each([
    [{ expiresInSeconds: 0 }, "expiresInSeconds"],
    [{ expiresInSeconds: 50_000 }, "expiresInSeconds"],
    [{ refreshBeforeSeconds: -1 }, "refreshBeforeSeconds"],
    [{ expiresInSeconds: 600, refreshBeforeSeconds: 600 }, "refreshBeforeSeconds"],
    [{ region: "" }, "region"],
    [{ region: 42 }, "region"],
    [{ refreshBefore: 60 }, "refreshBefore"],
    [{ now: new Date() }, "now"],
  ] as Array<[Record<string, unknown>, string]>)("refuses %j with a typed error", (overrides, option) => {
    const make = () =>
      fromAwsCredentials({ credentials: base, region: "us-east-1", ...overrides } as Parameters<
        typeof fromAwsCredentials
      >[0]);
    expect(make).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS", option }));
    try {
      make();
    } catch (error) {
      expect(InvalidOptionsError.isInstance(error)).toBe(true);
    }
  });
});
