import { inspect } from "node:util";
import {
  type BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import {
  BedrockKeyRejectedError,
  type BedrockKeyRejectionReason,
} from "../errors/bedrock-key-rejected-error.js";
import { CredentialsExpiredError } from "../errors/credentials-expired-error.js";
import { MissingApiKeyError } from "../errors/missing-api-key-error.js";
import { fingerprintKey } from "../key/fingerprint.js";
import { mintShortTermKey } from "../mint/mint-short-term-key.js";
import type { BedrockTokenProvider } from "../providers/bedrock-token-provider.js";
import { fromAwsCredentials } from "../providers/from-aws-credentials.js";
import { createBedrockRuntimeClient } from "./create-bedrock-runtime-client.js";
import { explainBedrockError } from "./explain-bedrock-error.js";

const MODEL = "amazon.nova-lite-v1:0";
const HELLO = [{ role: "user" as const, content: [{ text: "Hello" }] }];

let emulator: Emulator;
const clients: BedrockRuntimeClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  emulator.clearAudit();
});
afterAll(async () => {
  await emulator.close();
});

function client(options: Parameters<typeof createBedrockRuntimeClient>[0]): BedrockRuntimeClient {
  const created = createBedrockRuntimeClient({ endpoint: emulator.url, env: {}, maxAttempts: 1, ...options });
  clients.push(created);
  return created;
}

/** A raw provider that hands the SDK any token, bypassing our parsing, to see what Bedrock answers. */
function rawToken(token: string): BedrockTokenProvider {
  return async () => ({ token });
}

async function converse(target: BedrockRuntimeClient) {
  return target.send(new ConverseCommand({ modelId: MODEL, messages: HELLO }));
}

async function rejection(
  target: BedrockRuntimeClient,
): Promise<{ raw: unknown; explained: BedrockKeyRejectedError }> {
  const raw = await converse(target).then(
    () => expect.unreachable("the request should have been refused"),
    (error: unknown) => error,
  );
  const explained = explainBedrockError(raw);
  expect(BedrockKeyRejectedError.isInstance(explained)).toBe(true);
  return { raw, explained: explained as BedrockKeyRejectedError };
}

describe("createBedrockRuntimeClient against the emulator (HTTP/2, real SDK)", () => {
  it("works with a long-term key and sends it as the bearer token", async () => {
    const key = emulator.keys.issueLongTermKey();
    const response = await converse(client({ apiKey: key, region: emulator.region }));
    expect(response.output?.message?.content?.[0]?.text?.length).toBeGreaterThan(0);
    expect(emulator.audit().at(-1)).toMatchObject({
      operation: "Converse",
      status: 200,
      keyKind: "long-term",
      fingerprint: fingerprintKey(key),
      httpVersion: "2.0",
    });
  });

  it("works with a pasted, decorated long-term key", async () => {
    const key = emulator.keys.issueLongTermKey();
    await converse(client({ apiKey: `export AWS_BEARER_TOKEN_BEDROCK="${key}"\n`, region: emulator.region }));
    expect(emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(key));
  });

  it("works with a short-term key minted from the emulator's test credentials, taking the key's region", async () => {
    const key = await mintShortTermKey({
      credentials: emulator.keys.testCredentials,
      region: emulator.region,
    });
    const response = await converse(client({ apiKey: key }));
    expect(response.stopReason).toBeDefined();
    expect(emulator.audit().at(-1)).toMatchObject({
      status: 200,
      keyKind: "short-term",
      fingerprint: key.fingerprint,
      httpVersion: "2.0",
    });
  });

  it("streams with keys from fromAwsCredentials and mints once for many requests", async () => {
    let mints = 0;
    const provider = fromAwsCredentials({
      region: emulator.region,
      credentials: async () => {
        mints += 1;
        return emulator.keys.testCredentials;
      },
    });
    const target = client({ tokenProvider: provider });
    await Promise.all(Array.from({ length: 5 }, () => converse(target)));
    const stream = await target.send(new ConverseStreamCommand({ modelId: MODEL, messages: HELLO }));
    let text = "";
    for await (const event of stream.stream ?? []) text += event.contentBlockDelta?.delta?.text ?? "";
    expect(text.length).toBeGreaterThan(0);
    expect(mints).toBe(1);
    const fingerprints = new Set(emulator.audit().map((entry) => entry.fingerprint));
    expect(fingerprints.size).toBe(1);
    expect(emulator.audit().every((entry) => entry.status === 200 && entry.keyKind === "short-term")).toBe(
      true,
    );
  });

  it("switches to a freshly minted key once the provider's clock reaches the refresh window", async () => {
    let time = Date.now();
    let mints = 0;
    const provider = fromAwsCredentials({
      region: emulator.region,
      // Shorter than the SDK's own 5-minute window, so the SDK asks the provider before every request.
      expiresInSeconds: 240,
      refreshBeforeSeconds: 60,
      now: () => new Date(time),
      credentials: async () => {
        mints += 1;
        return emulator.keys.testCredentials;
      },
    });
    const target = client({ tokenProvider: provider });
    await converse(target);
    time += 170_000;
    await converse(target);
    time += 10_000;
    await converse(target);
    expect(mints).toBe(2);
    const fingerprints = emulator.audit().map((entry) => entry.fingerprint);
    expect(fingerprints[0]).toBe(fingerprints[1]);
    expect(fingerprints[2]).not.toBe(fingerprints[1]);
    expect(emulator.audit().every((entry) => entry.status === 200)).toBe(true);
  });

  it("works with keys minted from session credentials and reports their clamped expiry", async () => {
    const expiration = new Date(Date.now() + 10 * 60_000);
    const session = {
      accessKeyId: "ASIAEMULATORSESSION1",
      secretAccessKey: "c2Vzc2lvbi1zZWNyZXQtZm9yLXRoZS1lbXVsYXRvcg",
      sessionToken: "IQoJb3JpZ2luX2VjEmulatorSessionToken+/==",
      expiration,
    };
    emulator.keys.addIamCredentials(session);
    const key = await mintShortTermKey({ credentials: session, region: emulator.region });
    expect(key.expiresAt?.getTime()).toBe(expiration.getTime());
    await converse(client({ apiKey: key }));
    expect(emulator.audit().at(-1)).toMatchObject({ status: 200, fingerprint: key.fingerprint });
  });

  it("surfaces a provider's typed error from send, without a request", async () => {
    const provider = fromAwsCredentials({
      region: emulator.region,
      credentials: { ...emulator.keys.testCredentials, expiration: new Date(Date.now() - 1000) },
    });
    await expect(converse(client({ tokenProvider: provider }))).rejects.toSatisfy((error) =>
      CredentialsExpiredError.isInstance(error),
    );
    expect(emulator.audit()).toHaveLength(0);
  });

  it("lets an explicit key beat a different AWS_BEARER_TOKEN_BEDROCK", async () => {
    const explicit = emulator.keys.issueLongTermKey({ userName: "explicit-user" });
    const ambient = emulator.keys.issueLongTermKey({ userName: "ambient-user" });
    const env = { AWS_BEARER_TOKEN_BEDROCK: ambient, AWS_REGION: emulator.region };
    await converse(client({ apiKey: explicit, env }));
    expect(emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(explicit));
    await converse(client({ env }));
    expect(emulator.audit().at(-1)?.fingerprint).toBe(fingerprintKey(ambient));
  });

  it("never writes process.env", async () => {
    const before = JSON.stringify(process.env);
    const key = emulator.keys.issueLongTermKey();
    await converse(client({ apiKey: key, env: { AWS_REGION: emulator.region } }));
    await converse(client({ env: { AWS_BEARER_TOKEN_BEDROCK: key, AWS_DEFAULT_REGION: emulator.region } }));
    expect(JSON.stringify(process.env)).toBe(before);
  });

  const refusals: Array<[string, () => Promise<BedrockRuntimeClient>, BedrockKeyRejectionReason]> = [
    [
      "an expired short-term key",
      async () => {
        const expired = await mintShortTermKey({
          credentials: emulator.keys.testCredentials,
          region: emulator.region,
          expiresInSeconds: 60,
          now: new Date(Date.now() - 3_600_000),
        });
        return client({ tokenProvider: rawToken(expired.reveal()), region: emulator.region });
      },
      "EXPIRED_OR_WRONG_REGION",
    ],
    [
      "an expired long-term key",
      async () => {
        const key = emulator.keys.issueLongTermKey({ expiresAt: new Date(Date.now() - 1000) });
        return client({ apiKey: key, region: emulator.region });
      },
      "EXPIRED_OR_WRONG_REGION",
    ],
    [
      "a revoked long-term key",
      async () => {
        const key = emulator.keys.issueLongTermKey();
        emulator.keys.revoke(key);
        return client({ apiKey: key, region: emulator.region });
      },
      "EXPIRED_OR_WRONG_REGION",
    ],
    [
      "an inactive long-term key",
      async () => {
        const key = emulator.keys.issueLongTermKey();
        emulator.keys.setStatus(key, "Inactive");
        return client({ apiKey: key, region: emulator.region });
      },
      "EXPIRED_OR_WRONG_REGION",
    ],
    [
      "a short-term key from another region",
      async () => {
        const key = await mintShortTermKey({
          credentials: emulator.keys.testCredentials,
          region: "eu-west-1",
        });
        return client({ apiKey: key });
      },
      "EXPIRED_OR_WRONG_REGION",
    ],
    [
      "a garbage key",
      async () =>
        client({ tokenProvider: rawToken("sk-proj-not-a-bedrock-key-0123456789"), region: emulator.region }),
      "INVALID_KEY",
    ],
    [
      "a key whose user lacks bedrock:CallWithBearerToken",
      async () =>
        client({
          apiKey: emulator.keys.issueLongTermKey({ missingPermission: true }),
          region: emulator.region,
        }),
      "MISSING_PERMISSION",
    ],
    [
      "a key denied by a service control policy",
      async () =>
        client({ apiKey: emulator.keys.issueLongTermKey({ deniedByPolicy: true }), region: emulator.region }),
      "DENIED_BY_POLICY",
    ],
    [
      "a key not allowed this model",
      async () =>
        client({
          apiKey: emulator.keys.issueLongTermKey({ allowedModels: ["anthropic.*"] }),
          region: emulator.region,
        }),
      "MODEL_ACCESS_DENIED",
    ],
  ];

  it.each(refusals)(
    "refuses %s with a 403 that explainBedrockError names",
    async (_name, makeClient, reason) => {
      const { raw, explained } = await rejection(await makeClient());
      expect((raw as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
      expect(explained.reason).toBe(reason);
      expect(explained.statusCode).toBe(403);
      expect(emulator.audit().at(-1)?.status).toBe(403);
    },
  );

  it("keeps the key and the Authorization header out of the explained error and its cause", async () => {
    const key = emulator.keys.issueLongTermKey();
    emulator.keys.revoke(key);
    const { explained } = await rejection(client({ apiKey: key, region: emulator.region }));
    const dump = [
      inspect(explained, { depth: 20, showHidden: true, getters: true }),
      JSON.stringify(explained),
      JSON.stringify(explained.cause),
      explained.message,
      String(explained.stack),
    ].join("\n");
    for (let start = 4; start + 8 <= key.length; start += 8)
      expect(dump).not.toContain(key.slice(start, start + 8));
    expect(dump.toLowerCase()).not.toContain("authorization");
    expect(dump).not.toContain("Bearer");
  });

  it("refuses bad input before any request", () => {
    expect(() => client({ apiKey: "AKIAIOSFODNN7EXAMPLE", region: emulator.region })).toThrow(
      BedrockKeyFormatError,
    );
    expect(() => client({ env: { AWS_BEARER_TOKEN_BEDROCK: " ", AWS_REGION: "us-east-1" } })).toThrow(
      MissingApiKeyError,
    );
    expect(emulator.audit()).toHaveLength(0);
  });
});
