import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, makeLongTermKey, makeShortTermKey } from "../__fixtures__/keys.js";
import { BedrockKeyFormatError, type BedrockKeyFormatErrorCode } from "../errors/bedrock-key-format-error.js";
import { BedrockKeysError } from "../errors/bedrock-keys-error.js";
import { BedrockApiKey } from "./bedrock-api-key.js";
import { fingerprintKey } from "./fingerprint.js";
import { parseBedrockApiKey } from "./parse-bedrock-api-key.js";

const long = makeLongTermKey();
const long2 = makeLongTermKey({
  id: "z9y8",
  secret: "c2Vjb25kU2VjcmV0VmFsdWVGb3JUZXN0aW5nT25seTEyMzQ1Njc4OTA=",
});
const short = makeShortTermKey({ sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE+/token==" });
const wrap = (text: string, width: number, newline = "\n", indent = "") =>
  (text.match(new RegExp(`.{1,${width}}`, "g")) ?? []).join(`${newline}${indent}`);

function codeOf(input: string, now: Date = FIXTURE_NOW): string {
  try {
    parseBedrockApiKey(input, { now });
    return "OK";
  } catch (error) {
    if (!BedrockKeyFormatError.isInstance(error)) throw error;
    return error.code;
  }
}

describe("parseBedrockApiKey accepts what people paste", () => {
  const pastes: Array<[string, string, string]> = [
    ["a bare long-term key", long, long],
    ["surrounding whitespace", `  ${long}\n`, long],
    ["double quotes", `"${long}"`, long],
    ["single quotes", `'${long}'`, long],
    ["smart quotes", `\u201C${long}\u201D`, long],
    ["a Bearer prefix", `Bearer ${long}`, long],
    ["an Authorization header", `Authorization: Bearer ${long}`, long],
    ["a lowercase header", `authorization: bearer ${long}`, long],
    ["an export line", `export AWS_BEARER_TOKEN_BEDROCK=${long}`, long],
    ["a quoted export line", `export AWS_BEARER_TOKEN_BEDROCK="${long}"`, long],
    ["a .env line", `AWS_BEARER_TOKEN_BEDROCK=${long}`, long],
    ["a PowerShell line", `$env:AWS_BEARER_TOKEN_BEDROCK="${long}"`, long],
    ["a fish line", `set -gx AWS_BEARER_TOKEN_BEDROCK ${long}`, long],
    ["a JSON property", `"AWS_BEARER_TOKEN_BEDROCK": "${long}",`, long],
    ["a YAML property", `AWS_BEARER_TOKEN_BEDROCK: '${long}'`, long],
    ["a curl header", `-H "Authorization: Bearer ${short}"`, short],
    ["a key wrapped at 64 columns", wrap(long, 64), long],
    ["a key wrapped with CRLF and indentation", wrap(long, 40, "\r\n", "    "), long],
    [
      "a shell line continuation",
      `export AWS_BEARER_TOKEN_BEDROCK="${long.slice(0, 60)}\\\n${long.slice(60)}"`,
      long,
    ],
    ["a key wrapped with spaces instead of line breaks", long.match(/.{1,30}/g)?.join(" ") ?? "", long],
    ["a byte-order mark and zero-width space", `\uFEFF${long}\u200B`, long],
    ["a bare short-term key", short, short],
    ["a short-term key wrapped at 76 columns", wrap(short, 76), short],
    [
      "a quoted, wrapped, exported short-term key",
      `export AWS_BEARER_TOKEN_BEDROCK='${wrap(short, 70)}'`,
      short,
    ],
  ];
  it.each(pastes)("%s", (_name, input, expected) => {
    const key = parseBedrockApiKey(input, { now: FIXTURE_NOW });
    expect(key.reveal()).toBe(expected);
    expect(key.fingerprint).toBe(fingerprintKey(expected));
  });

  it("reads the account and user name of a console long-term key", () => {
    const key = parseBedrockApiKey(makeLongTermKey({ id: "x7Qz", accountId: "210987654321" }));
    expect(key.kind).toBe("long-term");
    expect(key.accountId).toBe("210987654321");
    expect(key.userName).toBe("BedrockAPIKey-x7Qz-at-210987654321");
    expect(key.region).toBeUndefined();
    expect(key.expiresAt).toBeUndefined();
    expect(key.isExpired()).toBe(false);
    expect(key.secondsRemaining()).toBeUndefined();
  });

  it("accepts a long-term key of a non-console service user", () => {
    const key = parseBedrockApiKey(makeLongTermKey({ userName: "ci-bot-bedrock" }));
    expect(key.userName).toBe("ci-bot-bedrock");
    expect(key.accountId).toBeUndefined();
  });

  it("reads region, signing time and expiry of a short-term key", () => {
    const key = parseBedrockApiKey(makeShortTermKey({ region: "eu-central-1", expiresIn: 3600 }), {
      now: new Date("2026-01-15T10:30:00Z"),
    });
    expect(key.kind).toBe("short-term");
    expect(key.region).toBe("eu-central-1");
    expect(key.issuedAt?.toISOString()).toBe("2026-01-15T10:00:00.000Z");
    expect(key.expiresAt?.toISOString()).toBe("2026-01-15T11:00:00.000Z");
    expect(key.secondsRemaining(new Date("2026-01-15T10:30:00Z"))).toBe(1800);
    expect(key.isExpired(new Date("2026-01-15T11:00:00Z"))).toBe(true);
    expect(key.secondsRemaining(new Date("2026-01-15T12:00:00Z"))).toBe(0);
  });

  it("tolerates a short-term key dated less than 5 minutes ahead (clock skew)", () => {
    const key = makeShortTermKey({ issuedAt: new Date("2026-01-15T11:04:00Z") });
    expect(codeOf(key)).toBe("OK");
    expect(codeOf(makeShortTermKey({ issuedAt: new Date("2026-01-15T11:06:00Z") }))).toBe("NOT_YET_VALID");
  });

  it("returns a BedrockApiKey unchanged", () => {
    const key = parseBedrockApiKey(long);
    expect(parseBedrockApiKey(key as unknown as string)).toBe(key);
    expect(BedrockApiKey.isInstance(key)).toBe(true);
  });
});

describe("parseBedrockApiKey diagnoses bad pastes", () => {
  const longBody = long.slice(4);
  const shortBody = short.slice(16);
  const lateNow = new Date("2026-01-16T09:00:00Z");
  const bad: Array<[string, string, BedrockKeyFormatErrorCode, Date?]> = [
    ["nothing", "", "EMPTY"],
    ["only whitespace", "  \n\t ", "EMPTY"],
    ["only a Bearer prefix", "Bearer ", "EMPTY"],
    ["only the export prefix", "export AWS_BEARER_TOKEN_BEDROCK=", "EMPTY"],
    ["empty quotes", '""', "EMPTY"],
    ["two keys on two lines", `${long}\n${long2}`, "MULTIPLE_KEYS"],
    ["a long- and a short-term key", `${long} ${short}`, "MULTIPLE_KEYS"],
    ["two keys separated by a comma", `${long},${long2}`, "MULTIPLE_KEYS"],
    ["the same key pasted twice", `${long}${long}`, "MULTIPLE_KEYS"],
    ["two short-term keys back to back", `${short}${short}`, "MULTIPLE_KEYS"],
    [
      "two .env lines",
      `AWS_BEARER_TOKEN_BEDROCK=${long}\nAWS_BEARER_TOKEN_BEDROCK=${long2}`,
      "MULTIPLE_KEYS",
    ],
    ["an access key id", "AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID"],
    ["a temporary access key id", "ASIAY34FZKBOKMUTVV7A", "AWS_ACCESS_KEY_ID"],
    ["an access key id with Bearer", "Bearer AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID"],
    ["a secret access key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY"],
    [
      "an exported secret access key",
      'export AWS_BEARER_TOKEN_BEDROCK="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
      "AWS_SECRET_ACCESS_KEY",
    ],
    [
      "a session token",
      "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample",
      "AWS_SESSION_TOKEN",
    ],
    ["an OpenAI project key", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_AbCdEfGhIjKlMnOp", "OPENAI_KEY"],
    ["a legacy OpenAI key", "sk-T3BlbkFJabcdefghijklmnopqrstuvwxyz012345678", "OPENAI_KEY"],
    ["an Anthropic key", "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGh-AA", "ANTHROPIC_KEY"],
    ["a Google API key", "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "GOOGLE_API_KEY"],
    [
      "a JWT",
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "JWT",
    ],
    ["a bearer JWT", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjb2duaXRvIn0.c2lnbmF0dXJl", "JWT"],
    ["a credential id", "ACCA2EXAMPLEID7X9Q1Z", "CREDENTIAL_ID"],
    ["the service user name", "BedrockAPIKey-a1b2-at-123456789012", "SERVICE_USER_NAME"],
    ["a decoded long-term key", Buffer.from(longBody, "base64").toString("utf8"), "DECODED_KEY"],
    ["a decoded short-term key", Buffer.from(shortBody, "base64").toString("utf8"), "DECODED_KEY"],
    [
      "the presigned URL with https",
      `https://${Buffer.from(shortBody, "base64").toString("utf8")}`,
      "DECODED_KEY",
    ],
    ["a long-term key without ABSK", longBody, "MISSING_PREFIX"],
    ["a short-term key without its prefix", shortBody, "MISSING_PREFIX"],
    ["the redacted display form", "ABSK…(3f2a9c1d)", "REDACTED_KEY"],
    ["a masked console display", "ABSKQmVk************************", "REDACTED_KEY"],
    ["a redacted short-term key", "bedrock-api-key-…(abcd1234)", "REDACTED_KEY"],
    ["a documentation placeholder", "<your-bedrock-api-key>", "REDACTED_KEY"],
    ["an ellipsis", "ABSK...", "REDACTED_KEY"],
    ["a placeholder name", "YOUR_API_KEY", "REDACTED_KEY"],
    ["only the long-term prefix", "ABSK", "TRUNCATED"],
    ["only the short-term prefix", "bedrock-api-key-", "TRUNCATED"],
    ["a long-term key cut in half", long.slice(0, 50), "TRUNCATED"],
    ["a long-term key cut inside its user name", long.slice(0, 24), "TRUNCATED"],
    ["a long-term key missing its last character", long.slice(0, -1), "TRUNCATED"],
    ["a long-term key cut to a multiple of 4", `ABSK${longBody.slice(0, 48)}`, "TRUNCATED"],
    ["a short-term key cut at 200 characters", short.slice(0, 200), "TRUNCATED"],
    ["a short-term key cut to a multiple of 4", `bedrock-api-key-${shortBody.slice(0, 400)}`, "TRUNCATED"],
    ["a short-term key missing its padding", short.replace(/=+$/, ""), "TRUNCATED"],
    ["URL-safe base64", long.slice(0, 30) + "_" + long.slice(31), "CORRUPTED_BASE64"],
    ["a URL-encoded padding", long.replace(/=$/, "%3D"), "CORRUPTED_BASE64"],
    ["a lower-cased key", long.toLowerCase(), "CORRUPTED_BASE64"],
    ["padding in the middle", `${long.slice(0, 20)}=${long.slice(21)}`, "CORRUPTED_BASE64"],
    [
      "bytes that are not text",
      `ABSK${Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9c, 0x01]).toString("base64")}`,
      "CORRUPTED_BASE64",
    ],
    ["a long-term key with a changed last character", `${long.slice(0, -3)}Z==`, "CORRUPTED_BASE64"],
    [
      "a short-term prefix on something else",
      `bedrock-api-key-${Buffer.from("hello there, general!").toString("base64")}`,
      "CORRUPTED_BASE64",
    ],
    [
      "a short-term key without its signature",
      makeShortTermKey({ omit: ["X-Amz-Signature"] }),
      "MISSING_SIGNATURE",
    ],
    [
      "a short-term key without its credential",
      makeShortTermKey({ omit: ["X-Amz-Credential", "X-Amz-Signature"] }),
      "MISSING_SIGNATURE",
    ],
    [
      "an unsigned URL",
      makeShortTermKey({
        omit: [
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-Date",
          "X-Amz-Expires",
          "X-Amz-SignedHeaders",
          "X-Amz-Signature",
        ],
      }),
      "MISSING_SIGNATURE",
    ],
    ["another action", makeShortTermKey({ action: "ListFoundationModels" }), "MALFORMED_SHORT_TERM_KEY"],
    ["an expiry beyond 12 hours", makeShortTermKey({ expiresIn: 86_400 }), "MALFORMED_SHORT_TERM_KEY"],
    ["a short signature", makeShortTermKey({ signature: "deadbeef" }), "MALFORMED_SHORT_TERM_KEY"],
    ["a URL without &Version=1", makeShortTermKey({ version: false }), "MALFORMED_SHORT_TERM_KEY"],
    ["an expired short-term key", short, "EXPIRED", lateNow],
    ["a short-term key that expired a second ago", makeShortTermKey({ expiresIn: 3599 }), "EXPIRED"],
    [
      "a short-term key from tomorrow",
      makeShortTermKey({ issuedAt: new Date("2026-01-16T10:00:00Z") }),
      "NOT_YET_VALID",
    ],
    ["two lines of a .env file", `AWS_REGION=us-east-1\nAWS_BEARER_TOKEN_BEDROCK=${long}`, "EXTRA_TEXT"],
    ["a key inside a sentence", `my key is ${long} thanks`, "EXTRA_TEXT"],
    ["a short-term key after a label", `key: ${short}`, "EXTRA_TEXT"],
    ["a key followed by words", `${long} is the new key`, "EXTRA_TEXT"],
    ["a long- and a short-term key glued together", `${long}${short}`, "MULTIPLE_KEYS"],
    ["a sentence", "my bedrock key is in the vault", "UNRECOGNIZED"],
    ["a GitHub token", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "UNRECOGNIZED"],
    ["a number", "1234", "UNRECOGNIZED"],
    ["a Slack token", "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "UNRECOGNIZED"],
  ];

  it("has at least 40 realistic cases", () => {
    expect(bad.length).toBeGreaterThanOrEqual(40);
  });

  it.each(bad)("%s -> %s", (_name, input, code, now) => {
    expect(codeOf(input, now)).toBe(code);
  });

  it.each(bad)("%s: the message says what to do and repeats nothing", (_name, input, _code, now) => {
    let caught: unknown;
    try {
      parseBedrockApiKey(input, { now: now ?? FIXTURE_NOW });
    } catch (error) {
      caught = error;
    }
    expect(BedrockKeyFormatError.isInstance(caught)).toBe(true);
    expect(BedrockKeysError.isInstance(caught)).toBe(true);
    const error = caught as BedrockKeyFormatError;
    expect(error.message.length).toBeGreaterThan(30);
    expect(error.name).toBe("BedrockKeyFormatError");
    const secretish = input.replace(/AWS_BEARER_TOKEN_BEDROCK|Authorization|Bearer|export/g, " ");
    for (let start = 0; start + 8 <= secretish.length; start += 1) {
      const run = secretish.slice(start, start + 8);
      if (/^[A-Za-z0-9+/=]{8}$/.test(run)) expect(error.message).not.toContain(run);
    }
  });

  it("says when an expired key expired", () => {
    try {
      parseBedrockApiKey(short, { now: lateNow });
      expect.unreachable();
    } catch (error) {
      const formatError = error as BedrockKeyFormatError;
      expect(formatError.code).toBe("EXPIRED");
      expect(formatError.expiredAt?.toISOString()).toBe("2026-01-15T22:00:00.000Z");
      expect(formatError.message).toContain("2026-01-15T22:00:00.000Z");
      expect(formatError.kind).toBe("short-term");
    }
  });
});
