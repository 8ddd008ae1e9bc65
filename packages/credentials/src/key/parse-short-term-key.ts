import { BedrockKeyFormatError, type BedrockKeyFormatErrorCode } from "../errors/bedrock-key-format-error.js";
import { BedrockApiKey } from "./bedrock-api-key.js";
import { decodeKeyBody } from "./decode-key-body.js";
import {
  CLOCK_SKEW_SECONDS,
  MAX_SHORT_TERM_SECONDS,
  SHORT_TERM_HOST,
  SHORT_TERM_PREFIX,
  SHORT_TERM_VERSION_SUFFIX,
} from "./key-prefixes.js";

const URL_START = `${SHORT_TERM_HOST}/?`;
const SIGNATURE_PARAMETERS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
] as const;

function fail(
  code: BedrockKeyFormatErrorCode,
  message: string,
  extra: { expiredAt?: Date; issuedAt?: Date } = {},
) {
  return new BedrockKeyFormatError(code, `This short-term Bedrock API key ${message}`, {
    kind: "short-term",
    ...extra,
  });
}

function parseQuery(query: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of query.split("&")) {
    const equals = pair.indexOf("=");
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? "" : pair.slice(equals + 1);
    try {
      parameters.set(decodeURIComponent(name), decodeURIComponent(value));
    } catch {
      throw fail("MALFORMED_SHORT_TERM_KEY", "holds a badly encoded URL. Mint a new short-term key.");
    }
  }
  return parameters;
}

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function minutesAgo(from: Date, to: Date): string {
  const minutes = Math.round(Math.abs(to.getTime() - from.getTime()) / 60_000);
  return minutes < 120 ? `${minutes} minute(s)` : `${Math.round(minutes / 60)} hour(s)`;
}

/**
 * Parses `"bedrock-api-key-" + base64("bedrock.amazonaws.com/?Action=CallWithBearerToken&…&Version=1")` and checks
 * its validity window against `now`.
 */
export function parseShortTermKey(key: string, now: Date): BedrockApiKey {
  const decoded = decodeKeyBody(key.slice(SHORT_TERM_PREFIX.length), "short-term");
  const text = decoded.text;
  if (text !== undefined && !text.startsWith(URL_START) && !URL_START.startsWith(text)) {
    throw fail(
      "CORRUPTED_BASE64",
      "does not decode to a Bedrock presigned URL. Copy it again from where it was created, or mint a new one.",
    );
  }
  if (!decoded.complete || text === undefined || !text.endsWith(SHORT_TERM_VERSION_SUFFIX)) {
    if (text?.endsWith(SHORT_TERM_VERSION_SUFFIX)) {
      throw fail(
        "TRUNCATED",
        "is missing its closing '=' padding. Copy the key again including any '=' characters at its end.",
      );
    }
    if (decoded.complete && text !== undefined && /X-Amz-Signature=[0-9a-f]{64}(?:&|$)/.test(text)) {
      throw fail("MALFORMED_SHORT_TERM_KEY", "lacks its '&Version=1' ending. Mint a new short-term key.");
    }
    throw fail(
      "TRUNCATED",
      "is cut off. Copy the whole key again (it is usually well over 1,000 characters).",
    );
  }
  const parameters = parseQuery(text.slice(URL_START.length, -SHORT_TERM_VERSION_SUFFIX.length));
  if (parameters.get("Action") !== "CallWithBearerToken") {
    throw fail(
      "MALFORMED_SHORT_TERM_KEY",
      "is not signed for CallWithBearerToken. Mint a new short-term key.",
    );
  }
  const missing = SIGNATURE_PARAMETERS.filter((name) => !parameters.get(name));
  if (missing.length > 0) {
    throw fail(
      "MISSING_SIGNATURE",
      `is missing its signature (${missing.join(", ")}). Mint a new one with the AWS token generator or mintShortTermKey.`,
    );
  }
  const scope = (parameters.get("X-Amz-Credential") ?? "").split("/");
  const region = scope[2] ?? "";
  const issuedAt = parseAmzDate(parameters.get("X-Amz-Date") ?? "");
  const expiresIn = Number(parameters.get("X-Amz-Expires"));
  if (
    parameters.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" ||
    !/^[0-9a-f]{64}$/.test(parameters.get("X-Amz-Signature") ?? "") ||
    scope.length !== 5 ||
    scope[3] !== "bedrock" ||
    scope[4] !== "aws4_request" ||
    !/^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(region) ||
    issuedAt === undefined ||
    scope[1] !== parameters.get("X-Amz-Date")?.slice(0, 8)
  ) {
    throw fail(
      "MALFORMED_SHORT_TERM_KEY",
      "has an invalid signature scope or date. Mint a new short-term key.",
    );
  }
  if (!Number.isInteger(expiresIn) || expiresIn <= 0 || expiresIn > MAX_SHORT_TERM_SECONDS) {
    throw fail(
      "MALFORMED_SHORT_TERM_KEY",
      `has an expiry outside 1..${MAX_SHORT_TERM_SECONDS} seconds, which Bedrock refuses. Mint a new one of at most 12 hours.`,
    );
  }
  const expiresAt = new Date(issuedAt.getTime() + expiresIn * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw fail(
      "EXPIRED",
      `expired at ${expiresAt.toISOString()} (${minutesAgo(expiresAt, now)} ago). Mint a new one; short-term keys live at most 12 hours.`,
      { expiredAt: expiresAt },
    );
  }
  if (issuedAt.getTime() > now.getTime() + CLOCK_SKEW_SECONDS * 1000) {
    throw fail(
      "NOT_YET_VALID",
      `was signed at ${issuedAt.toISOString()}, ${minutesAgo(now, issuedAt)} in the future. Check the clock of the machine that minted it (or of this one).`,
      { issuedAt },
    );
  }
  return new BedrockApiKey(key, { kind: "short-term", region, issuedAt, expiresAt });
}
