import { getToken } from "@aws/bedrock-token-generator";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, HAIKU, NOVA } from "../__fixtures__/bearer-client.js";
import type { Emulator } from "../emulator.js";
import { startEmulator } from "../start-emulator.js";
import { keyFingerprint } from "./fingerprint.js";

const HELLO = [{ role: "user" as const, content: [{ text: "Hello" }] }];

async function converseWith(emulator: Emulator, token: string, modelId = HAIKU) {
  const client = bearerClient(emulator, token, { maxAttempts: 1 });
  try {
    return await client.send(new ConverseCommand({ modelId, messages: HELLO }));
  } finally {
    client.destroy();
  }
}

async function refusal(
  emulator: Emulator,
  token: string,
  modelId = HAIKU,
): Promise<{ name: string; message: string; status: number | undefined }> {
  const error = await converseWith(emulator, token, modelId).then(
    () => undefined,
    (caught: unknown) => caught as { name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );
  if (error === undefined) throw new Error("expected a refusal");
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}

describe("bearer-key authentication", () => {
  let clock = Date.now();
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ now: () => clock });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("accepts a long-term key and audits its fingerprint, never the key", async () => {
    const key = emulator.keys.issueLongTermKey();
    expect(key).toMatch(/^ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{100,}={0,2}$/);
    await converseWith(emulator, key);
    const entry = emulator.audit().at(-1);
    expect(entry).toMatchObject({ fingerprint: keyFingerprint(key), keyKind: "long-term", status: 200 });
    expect(JSON.stringify(emulator.audit())).not.toContain(key);
  });

  it("accepts a short-term key minted by @aws/bedrock-token-generator from the test credentials", async () => {
    const token = await getToken({ credentials: emulator.keys.testCredentials, region: "us-east-1" });
    const response = await converseWith(emulator, token);
    expect(response.stopReason).toBe("end_turn");
    expect(emulator.audit().at(-1)).toMatchObject({
      keyKind: "short-term",
      fingerprint: keyFingerprint(token),
    });
  });

  it("accepts a short-term key signed with session credentials", async () => {
    const credentials = {
      accessKeyId: "ASIAEMULATORSESSION1",
      secretAccessKey: "s3cr3t/with+chars",
      sessionToken: "FwoG/session+token=",
    };
    emulator.keys.addIamCredentials(credentials);
    const token = await getToken({ credentials, region: "us-east-1", expiresInSeconds: 900 });
    await expect(converseWith(emulator, token)).resolves.toMatchObject({ stopReason: "end_turn" });
  });

  it("refuses a tampered short-term key", async () => {
    const token = await getToken({ credentials: emulator.keys.testCredentials, region: "us-east-1" });
    const url = Buffer.from(token.slice(16), "base64")
      .toString("utf8")
      .replace("X-Amz-Expires=43200", "X-Amz-Expires=43199");
    const tampered = `bedrock-api-key-${Buffer.from(url).toString("base64")}`;
    expect(await refusal(emulator, tampered)).toEqual({
      name: "AccessDeniedException",
      message: "Authentication failed: Please make sure your API Key is valid.",
      status: 403,
    });
  });

  it("refuses a short-term key from another region", async () => {
    const token = await getToken({ credentials: emulator.keys.testCredentials, region: "eu-west-1" });
    expect((await refusal(emulator, token)).message).toBe(
      "Authentication failed: Please make sure your API Key is valid.",
    );
  });

  it("refuses a short-term key signed with unknown credentials", async () => {
    const token = await getToken({
      credentials: { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x" },
      region: "us-east-1",
    });
    expect((await refusal(emulator, token)).name).toBe("AccessDeniedException");
  });

  it("refuses a short-term key once the emulator clock passes X-Amz-Date + X-Amz-Expires", async () => {
    const token = await getToken({
      credentials: emulator.keys.testCredentials,
      region: "us-east-1",
      expiresInSeconds: 60,
    });
    await expect(converseWith(emulator, token)).resolves.toBeDefined();
    clock += 61_000;
    try {
      expect((await refusal(emulator, token)).message).toBe(
        "Authentication failed: Please make sure your API Key is valid.",
      );
    } finally {
      clock = Date.now();
    }
  });

  it("refuses a short-term key dated more than 15 minutes after the emulator clock", async () => {
    const token = await getToken({ credentials: emulator.keys.testCredentials, region: "us-east-1" });
    clock -= 20 * 60_000;
    try {
      expect((await refusal(emulator, token)).message).toBe(
        "Authentication failed: Please make sure your API Key is valid.",
      );
    } finally {
      clock = Date.now();
    }
  });

  it("refuses revoked, inactive and expired long-term keys, and accepts a reactivated one", async () => {
    const revoked = emulator.keys.issueLongTermKey();
    emulator.keys.revoke(revoked);
    expect(await refusal(emulator, revoked)).toMatchObject({
      status: 403,
      message: "Authentication failed: Please make sure your API Key is valid.",
    });
    const inactive = emulator.keys.issueLongTermKey();
    emulator.keys.setStatus(inactive, "Inactive");
    expect((await refusal(emulator, inactive)).name).toBe("AccessDeniedException");
    emulator.keys.setStatus(inactive, "Active");
    await expect(converseWith(emulator, inactive)).resolves.toBeDefined();
    const expiring = emulator.keys.issueLongTermKey({ expiresAt: new Date(clock + 1000) });
    await expect(converseWith(emulator, expiring)).resolves.toBeDefined();
    clock += 2000;
    expect(emulator.keys.status(expiring)).toBe("Expired");
    expect((await refusal(emulator, expiring)).name).toBe("AccessDeniedException");
    clock = Date.now();
  });

  it("refuses keys without a known prefix, and unknown ABSK keys", async () => {
    expect(await refusal(emulator, "sk-not-a-bedrock-key")).toEqual({
      name: "AccessDeniedException",
      message: "Invalid API Key format: Must start with pre-defined prefix",
      status: 403,
    });
    const forged = `ABSK${Buffer.from("BedrockAPIKey-abcd-at-123456789012:forged").toString("base64")}`;
    expect((await refusal(emulator, forged)).message).toBe(
      "Authentication failed: Please make sure your API Key is valid.",
    );
    expect((await refusal(emulator, "bedrock-api-key-%%%garbage")).message).toBe(
      "Authentication failed: Please make sure your API Key is valid.",
    );
  });

  it("refuses a key denied by a service control policy or lacking the permission, with IAM's messages", async () => {
    const denied = emulator.keys.issueLongTermKey({
      userName: "bob",
      accountId: "111122223333",
      deniedByPolicy: true,
    });
    expect((await refusal(emulator, denied)).message).toBe(
      "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: bedrock:CallWithBearerToken on resource: * with an explicit deny in a service control policy",
    );
    const missing = emulator.keys.issueLongTermKey({ userName: "carol", missingPermission: true });
    expect((await refusal(emulator, missing)).message).toContain(
      "because no identity-based policy allows the action",
    );
  });

  it("refuses models outside allowedModels with a model access denial", async () => {
    const key = emulator.keys.issueLongTermKey({ userName: "dave", allowedModels: [NOVA] });
    await expect(converseWith(emulator, key, `us.${NOVA}`)).resolves.toBeDefined();
    const error = await refusal(emulator, key, HAIKU);
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::123456789012:user/dave is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/${HAIKU} because no identity-based policy allows the bedrock:InvokeModel action`,
    );
  });

  it("serves many tenants' keys side by side and records which key served which request", async () => {
    const keys = Array.from({ length: 4 }, (_, index) =>
      emulator.keys.issueLongTermKey({ userName: `tenant-${index}` }),
    );
    emulator.clearAudit();
    const clients = keys.map((key) => bearerClient(emulator, key));
    await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 5 }, () => client.send(new ConverseCommand({ modelId: NOVA, messages: HELLO }))),
      ),
    );
    const counts = new Map<string | undefined, number>();
    for (const entry of emulator.audit())
      counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(keys.map((key) => [keyFingerprint(key), 5])),
    );
    for (const client of clients) client.destroy();
  });

  it("requires an Authorization header", async () => {
    const response = await fetch(`${emulator.url}/model/${HAIKU}/converse`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: HELLO }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^MissingAuthenticationTokenException:/);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
  });
});
