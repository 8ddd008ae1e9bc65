import { timingSafeEqual } from "node:crypto";
import type { IamCredentials } from "./iam-credential-registry.js";
import { sigv4QuerySignature } from "./sigv4-query-signature.js";

const PREFIX = "bedrock-api-key-";
const VERSION_SUFFIX = "&Version=1";
const HOST = "bedrock.amazonaws.com";
const MAX_EXPIRES_SECONDS = 43_200;

/** The time-independent facts of a short-term key whose signature checks out. */
export interface VerifiedShortTermKey {
  ok: true;
  credentials: IamCredentials;
  /** Region from the credential scope. */
  region: string;
  /** `X-Amz-Date` in ms. */
  signedAtMs: number;
  /** min(`X-Amz-Date` + `X-Amz-Expires`, credentials' expiration), in ms. */
  notAfterMs: number;
}

/** Why a short-term key is refused before any time or region check. */
export type ShortTermRefusal = { ok: false; reason: "malformed" | "unknown-credentials" | "bad-signature" };

/**
 * Verifies a `bedrock-api-key-…` token cryptographically: decodes it, strips `&Version=1`, parses the presigned
 * `POST https://bedrock.amazonaws.com/?Action=CallWithBearerToken` URL, finds the signing credentials by access key
 * id and recomputes the SigV4 query signature (service `bedrock`, signed header `host`). Expiry and region are
 * checked by the caller against its clock and region.
 *
 * @example
 * ```ts
 * const result = verifyShortTermKey(token, (id) => registry.get(id));
 * if (result.ok && result.region === "us-east-1") { ... }
 * ```
 */
export function verifyShortTermKey(
  token: string,
  findCredentials: (accessKeyId: string) => IamCredentials | undefined,
): VerifiedShortTermKey | ShortTermRefusal {
  const malformed: ShortTermRefusal = { ok: false, reason: "malformed" };
  const encoded = token.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return malformed;
  const url = Buffer.from(encoded, "base64").toString("utf8");
  if (!url.startsWith(`${HOST}/?`) || !url.endsWith(VERSION_SUFFIX)) return malformed;
  const query: Array<[string, string]> = [];
  try {
    for (const pair of url.slice(HOST.length + 2, -VERSION_SUFFIX.length).split("&")) {
      const equals = pair.indexOf("=");
      if (equals < 1) return malformed;
      query.push([decodeURIComponent(pair.slice(0, equals)), decodeURIComponent(pair.slice(equals + 1))]);
    }
  } catch {
    return malformed;
  }
  const parameters = new Map(query);
  if (parameters.size !== query.length) return malformed;
  const signature = parameters.get("X-Amz-Signature");
  const credential = parameters.get("X-Amz-Credential")?.split("/");
  const amzDate = parameters.get("X-Amz-Date") ?? "";
  const expires = Number(parameters.get("X-Amz-Expires"));
  const signedAtMs = parseAmzDate(amzDate);
  if (
    parameters.get("Action") !== "CallWithBearerToken" ||
    parameters.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" ||
    parameters.get("X-Amz-SignedHeaders") !== "host" ||
    signature === undefined ||
    !/^[0-9a-f]{64}$/.test(signature) ||
    credential?.length !== 5 ||
    credential[3] !== "bedrock" ||
    credential[4] !== "aws4_request" ||
    credential[1] !== amzDate.slice(0, 8) ||
    signedAtMs === undefined ||
    !Number.isInteger(expires) ||
    expires < 1 ||
    expires > MAX_EXPIRES_SECONDS
  ) {
    return malformed;
  }
  const [accessKeyId = "", , region = ""] = credential;
  const credentials = findCredentials(accessKeyId);
  if (credentials === undefined) return { ok: false, reason: "unknown-credentials" };
  if (credentials.sessionToken !== parameters.get("X-Amz-Security-Token"))
    return { ok: false, reason: "bad-signature" };
  const expected = sigv4QuerySignature({
    method: "POST",
    host: HOST,
    path: "/",
    query: query.filter(([name]) => name !== "X-Amz-Signature"),
    amzDate,
    scope: credential.slice(1).join("/"),
    secretAccessKey: credentials.secretAccessKey,
    region,
    service: "bedrock",
  });
  if (!timingSafeEqual(Buffer.from(expected, "latin1"), Buffer.from(signature, "latin1"))) {
    return { ok: false, reason: "bad-signature" };
  }
  const credentialsExpireMs = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
  return {
    ok: true,
    credentials,
    region,
    signedAtMs,
    notAfterMs: Math.min(signedAtMs + expires * 1000, credentialsExpireMs),
  };
}

function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  return Number.isNaN(ms) ? undefined : ms;
}
