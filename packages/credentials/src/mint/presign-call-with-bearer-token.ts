import { createHash, createHmac } from "node:crypto";
import type { AwsCredentialIdentity } from "@smithy/types";
import { SHORT_TERM_HOST } from "../key/key-prefixes.js";

// SigV4 query signing exactly as @smithy/signature-v4's `presign` does it for the request that
// @aws/bedrock-token-generator builds: POST https://bedrock.amazonaws.com/?Action=CallWithBearerToken, only `host`
// signed, empty payload. Written out by hand so a mint costs one SHA-256 and one HMAC (plus four HMACs per day
// and region for the signing key); `mint-short-term-key.test.ts` proves it byte-identical to the official
// generator. See https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
const SERVICE = "bedrock";
const ALGORITHM = "AWS4-HMAC-SHA256";
const EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** RFC 3986 escaping as Smithy's `escapeUri` does it. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

interface SigningKeyEntry {
  accessKeyId: string;
  secretAccessKey: string;
  shortDate: string;
  region: string;
  key: Buffer;
}

// One derived key per credentials object, reused while the day and region stay the same.
const signingKeys = new WeakMap<object, SigningKeyEntry>();

function signingKey(credentials: AwsCredentialIdentity, shortDate: string, region: string): Buffer {
  const cached = signingKeys.get(credentials);
  if (
    cached !== undefined &&
    cached.shortDate === shortDate &&
    cached.region === region &&
    cached.accessKeyId === credentials.accessKeyId &&
    cached.secretAccessKey === credentials.secretAccessKey
  ) {
    return cached.key;
  }
  let key: Buffer = createHmac("sha256", `AWS4${credentials.secretAccessKey}`).update(shortDate).digest();
  for (const part of [region, SERVICE, "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  signingKeys.set(credentials, {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    shortDate,
    region,
    key,
  });
  return key;
}

/**
 * The presigned `CallWithBearerToken` URL, without `https://`, as `formatUrl(presign(request))` writes it.
 * `signingDate` is truncated to whole seconds, as SigV4 does.
 */
export function presignCallWithBearerToken(
  credentials: AwsCredentialIdentity,
  region: string,
  expiresInSeconds: number,
  signingDate: Date,
): string {
  const longDate = signingDate
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  const shortDate = longDate.slice(0, 8);
  const scope = `${shortDate}/${region}/${SERVICE}/aws4_request`;
  const head =
    `Action=CallWithBearerToken&X-Amz-Algorithm=${ALGORITHM}` +
    `&X-Amz-Credential=${escapeUri(`${credentials.accessKeyId}/${scope}`)}` +
    `&X-Amz-Date=${longDate}&X-Amz-Expires=${expiresInSeconds.toString(10)}` +
    (credentials.sessionToken ? `&X-Amz-Security-Token=${escapeUri(credentials.sessionToken)}` : "");
  const canonicalRequest = `POST\n/\n${head}&X-Amz-SignedHeaders=host\nhost:${SHORT_TERM_HOST}\n\nhost\n${EMPTY_PAYLOAD_SHA256}`;
  const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
  const signature = createHmac("sha256", signingKey(credentials, shortDate, region))
    .update(stringToSign)
    .digest("hex");
  return `${SHORT_TERM_HOST}/?${head}&X-Amz-Signature=${signature}&X-Amz-SignedHeaders=host`;
}
