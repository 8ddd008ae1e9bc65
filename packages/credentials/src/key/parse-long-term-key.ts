import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { BedrockApiKey } from "./bedrock-api-key.js";
import { decodeKeyBody } from "./decode-key-body.js";
import { LONG_TERM_PREFIX } from "./key-prefixes.js";

// Console keys decode to `BedrockAPIKey-<id>-at-<12-digit account>:<secret>`.
const CONSOLE_USER = /^BedrockAPIKey-[^\s:]+-at-(\d{12})$/;
// Shorter than this, a console key's secret was cut off (real ones are far longer).
const MIN_SECRET_LENGTH = 16;

function truncated(message: string): BedrockKeyFormatError {
  return new BedrockKeyFormatError("TRUNCATED", `This long-term Bedrock API key is cut off: ${message}`, {
    kind: "long-term",
  });
}

function isCompleteCredential(text: string): boolean {
  const colon = text.indexOf(":");
  return colon > 0 && text.length - colon - 1 >= MIN_SECRET_LENGTH;
}

/** Parses `"ABSK" + base64("<service user name>:<secret>")`. */
export function parseLongTermKey(key: string): BedrockApiKey {
  const decoded = decodeKeyBody(key.slice(LONG_TERM_PREFIX.length), "long-term");
  if (!decoded.complete) {
    if (decoded.text !== undefined && isCompleteCredential(decoded.text)) {
      throw truncated(
        "its closing '=' padding is missing. Copy the key again including any '=' characters at its end.",
      );
    }
    throw truncated("copy the whole key again (it is usually about 130 characters long).");
  }
  const text = decoded.text;
  const colon = text.indexOf(":");
  if (colon < 0) {
    if ("BedrockAPIKey-".startsWith(text.slice(0, 14)) || text.startsWith("BedrockAPIKey-")) {
      throw truncated("copy the whole key again (it is usually about 130 characters long).");
    }
    throw new BedrockKeyFormatError(
      "CORRUPTED_BASE64",
      "This long-term Bedrock API key is damaged: it does not decode to a user name and secret. Copy it again from where it was created.",
      { kind: "long-term" },
    );
  }
  const userName = text.slice(0, colon);
  const secretLength = text.length - colon - 1;
  if (userName === "") {
    throw new BedrockKeyFormatError(
      "CORRUPTED_BASE64",
      "This long-term Bedrock API key is damaged: it has no user name. Copy it again from where it was created.",
      { kind: "long-term" },
    );
  }
  const account = CONSOLE_USER.exec(userName)?.[1];
  if (secretLength === 0 || (account !== undefined && secretLength < MIN_SECRET_LENGTH)) {
    throw truncated("its secret part is missing or too short. Copy the whole key again.");
  }
  return new BedrockApiKey(key, {
    kind: "long-term",
    userName,
    ...(account !== undefined ? { accountId: account } : {}),
  });
}
