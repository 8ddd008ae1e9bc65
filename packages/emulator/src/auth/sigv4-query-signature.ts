import { createHash, createHmac } from "node:crypto";

const EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** What a presigned Bedrock token URL is signed over. */
export interface PresignedSigningInput {
  method: string;
  host: string;
  path: string;
  /** Decoded query parameters, without `X-Amz-Signature`. */
  query: ReadonlyArray<readonly [string, string]>;
  /** `X-Amz-Date`, e.g. `20251127T162722Z`. */
  amzDate: string;
  /** `<date>/<region>/<service>/aws4_request`. */
  scope: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

/**
 * Recomputes the SigV4 query-string signature of a presigned URL whose only signed header is `host` and whose
 * payload hash is that of the empty string — what `@aws/bedrock-token-generator` (Smithy's `SignatureV4.presign`)
 * produces. https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 *
 * @example
 * ```ts
 * const signature = sigv4QuerySignature({ method: "POST", host: "bedrock.amazonaws.com", path: "/", ... });
 * ```
 */
export function sigv4QuerySignature(input: PresignedSigningInput): string {
  const canonicalQuery = input.query
    .map(([name, value]) => [escapeUri(name), escapeUri(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const canonicalRequest = [
    input.method,
    input.path,
    canonicalQuery,
    `host:${input.host}\n`,
    "host",
    EMPTY_PAYLOAD_SHA256,
  ].join("\n");
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    input.amzDate,
    input.scope,
    createHash("sha256").update(canonicalRequest, "utf8").digest("hex"),
  ].join("\n");
  const dateKey = hmac(`AWS4${input.secretAccessKey}`, input.amzDate.slice(0, 8));
  const signingKey = hmac(hmac(hmac(dateKey, input.region), input.service), "aws4_request");
  return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** RFC 3986 percent-encoding, as SigV4 canonicalization requires. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
