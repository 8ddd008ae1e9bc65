import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { SHORT_TERM_HOST } from "./key-prefixes.js";

const FIND_KEY =
  "Find the Bedrock API key in the Amazon Bedrock console under 'API keys' (it starts with ABSK or bedrock-api-key-).";

const CONSOLE_USER = /^BedrockAPIKey-[^\s:]+-at-\d{12}$/;

function tryDecodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(text, "base64").toString("latin1");
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/**
 * Explains a text that does not start with a Bedrock key prefix: another kind of credential, another vendor's
 * key, a decoded or redacted key, or plain garbage. Never repeats the text.
 */
export function diagnoseForeignText(text: string): BedrockKeyFormatError {
  const error = (code: ConstructorParameters<typeof BedrockKeyFormatError>[0], message: string) =>
    new BedrockKeyFormatError(code, message);

  if (/[…•●]|\*{3,}|\.{3}|^<.*>$|^x{6,}$/i.test(text) || /your[-_ ]?(?:api[-_ ]?)?key/i.test(text)) {
    return error(
      "REDACTED_KEY",
      "This is a masked, redacted or placeholder form of a key, not the key itself. Copy the full key (it is shown only once, when created).",
    );
  }
  if (/^(?:absk|bedrock-api-key)/i.test(text)) {
    return error(
      "CORRUPTED_BASE64",
      "This looks like a Bedrock API key whose letters changed case; keys are case-sensitive. Copy it again from where it was created.",
    );
  }
  if (/^ACCA[A-Z0-9]{12,}$/.test(text)) {
    return error(
      "CREDENTIAL_ID",
      "This is the ID of a Bedrock API key (its service-specific credential ID), not the key. Paste the key itself (it starts with ABSK).",
    );
  }
  if (/^(?:AKIA|ASIA|ABIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|AIPA)[A-Z0-9]{12,}$/.test(text)) {
    return error(
      "AWS_ACCESS_KEY_ID",
      `This is an AWS access key ID, not a Bedrock API key. Use it with SigV4 (not a bearer key), or paste a Bedrock API key instead. ${FIND_KEY}`,
    );
  }
  if (/^[A-Za-z0-9/+]{40}$/.test(text)) {
    return error(
      "AWS_SECRET_ACCESS_KEY",
      `This looks like an AWS secret access key, not a Bedrock API key. Do not paste it here; mint a short-term key from it (mintShortTermKey) or paste a Bedrock API key. ${FIND_KEY}`,
    );
  }
  if (/^(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz)/.test(text)) {
    return error(
      "AWS_SESSION_TOKEN",
      `This looks like an AWS session token, not a Bedrock API key. Mint a short-term key from the session credentials (mintShortTermKey) or paste a Bedrock API key. ${FIND_KEY}`,
    );
  }
  if (/^sk-ant-/.test(text)) {
    return error(
      "ANTHROPIC_KEY",
      `This is an Anthropic API key; Amazon Bedrock needs a Bedrock API key. ${FIND_KEY}`,
    );
  }
  if (/^sk-/.test(text)) {
    return error(
      "OPENAI_KEY",
      `This looks like an OpenAI API key; Amazon Bedrock needs a Bedrock API key. ${FIND_KEY}`,
    );
  }
  if (/^AIza[0-9A-Za-z_-]{8,}/.test(text)) {
    return error(
      "GOOGLE_API_KEY",
      `This is a Google API key; Amazon Bedrock needs a Bedrock API key. ${FIND_KEY}`,
    );
  }
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(text)) {
    return error(
      "JWT",
      `This is a JSON Web Token (for example an OIDC or Cognito token), not a Bedrock API key. ${FIND_KEY}`,
    );
  }
  if (CONSOLE_USER.test(text)) {
    return error(
      "SERVICE_USER_NAME",
      "This is the IAM user name behind a Bedrock API key, not the key. Paste the key itself (it starts with ABSK).",
    );
  }
  if (/^BedrockAPIKey-[^\s:]+-at-\d{12}:/.test(text) || /^[^\s:]{1,128}:[A-Za-z0-9+/=]{20,}$/.test(text)) {
    return error(
      "DECODED_KEY",
      "This is a base64-decoded long-term key. Paste the key exactly as it was given (it starts with ABSK), without decoding it.",
    );
  }
  if (text.startsWith(`${SHORT_TERM_HOST}/?`) || /^https?:\/\/bedrock\.amazonaws\.com\/?\?/i.test(text)) {
    return error(
      "DECODED_KEY",
      "This is the presigned URL inside a short-term key, not the key. Paste the key as generated (it starts with bedrock-api-key-).",
    );
  }
  const decoded = tryDecodeBase64(text);
  if (decoded?.startsWith(`${SHORT_TERM_HOST}/?`)) {
    return error(
      "MISSING_PREFIX",
      "This is a short-term key without its 'bedrock-api-key-' prefix. Copy the whole key, prefix included.",
    );
  }
  if (decoded !== undefined && /^[^\s:]{1,128}:\S{8,}$/.test(decoded)) {
    return error(
      "MISSING_PREFIX",
      "This is a long-term key without its 'ABSK' prefix. Copy the whole key, prefix included.",
    );
  }
  if (/(?:^|[\s,;"'`=:])(?:ABSK|bedrock-api-key-)/.test(text)) {
    return error(
      "EXTRA_TEXT",
      "A Bedrock API key is in there, but mixed with other text (other lines of a .env file, a sentence…). Paste only the key.",
    );
  }
  return error("UNRECOGNIZED", `This is not an Amazon Bedrock API key. ${FIND_KEY}`);
}
