import { getToken } from "@aws/bedrock-token-generator";
import { describe, expect, it } from "vitest";
import type { IamCredentials } from "./iam-credential-registry.js";
import { verifyShortTermKey } from "./verify-short-term-key.js";

const credentials: IamCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const find = (id: string) => (id === credentials.accessKeyId ? credentials : undefined);

const decode = (token: string) =>
  Buffer.from(token.slice("bedrock-api-key-".length), "base64").toString("utf8");
const encode = (url: string) => `bedrock-api-key-${Buffer.from(url, "utf8").toString("base64")}`;

describe("verifyShortTermKey", () => {
  it("accepts a key from @aws/bedrock-token-generator and reports its region and validity window", async () => {
    const before = Date.now();
    const token = await getToken({ credentials, region: "ap-southeast-2", expiresInSeconds: 900 });
    const result = verifyShortTermKey(token, find);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.region).toBe("ap-southeast-2");
    expect(result.notAfterMs - result.signedAtMs).toBe(900_000);
    expect(result.signedAtMs).toBeGreaterThan(before - 2000);
  });

  it("caps validity at the credentials' expiration", async () => {
    const expiring = { ...credentials, expiration: new Date(Date.now() + 60_000) };
    const token = await getToken({ credentials: expiring, region: "us-east-1" });
    const result = verifyShortTermKey(token, () => expiring);
    expect(result.ok && result.notAfterMs).toBe(expiring.expiration.getTime());
  });

  it("refuses any change to a signed parameter", async () => {
    const token = await getToken({ credentials, region: "us-east-1", expiresInSeconds: 900 });
    const url = decode(token);
    for (const tampered of [
      url.replace("X-Amz-Expires=900", "X-Amz-Expires=901"),
      url.replace("us-east-1", "us-west-2"),
      url.replace("Action=CallWithBearerToken", "Action=CallWithBearerToken&Extra=1"),
      url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`),
    ]) {
      expect(verifyShortTermKey(encode(tampered), find)).toMatchObject({ ok: false });
    }
  });

  it("refuses keys signed with another secret, unknown credentials, or a missing session token", async () => {
    const wrongSecret = await getToken({
      credentials: { ...credentials, secretAccessKey: "other" },
      region: "us-east-1",
    });
    expect(verifyShortTermKey(wrongSecret, find)).toEqual({ ok: false, reason: "bad-signature" });
    const unknown = await getToken({
      credentials: { accessKeyId: "AKIAOTHER", secretAccessKey: "x" },
      region: "us-east-1",
    });
    expect(verifyShortTermKey(unknown, find)).toEqual({ ok: false, reason: "unknown-credentials" });
    const session = { ...credentials, sessionToken: "token" };
    const withoutSession = await getToken({ credentials, region: "us-east-1" });
    expect(verifyShortTermKey(withoutSession, () => session)).toEqual({ ok: false, reason: "bad-signature" });
    const withSession = await getToken({ credentials: session, region: "us-east-1" });
    expect(verifyShortTermKey(withSession, () => session).ok).toBe(true);
  });

  it("refuses malformed keys without throwing", async () => {
    const token = await getToken({ credentials, region: "us-east-1" });
    const url = decode(token);
    for (const bad of [
      "bedrock-api-key-",
      "bedrock-api-key-!!!",
      encode(url.replace("&Version=1", "")),
      encode(url.replace("bedrock.amazonaws.com", "example.com")),
      encode(url.replace("X-Amz-Expires=43200", "X-Amz-Expires=86400")),
      encode(`${url.slice(0, -"&Version=1".length)}&%E0%A4%A=1&Version=1`),
    ]) {
      expect(verifyShortTermKey(bad, find)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
