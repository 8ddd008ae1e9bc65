import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { LONG_TERM_PREFIX, SHORT_TERM_PREFIX } from "./key-prefixes.js";

// Characters that are never part of a key: whitespace plus the invisible ones rich-text editors add.
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"',
  "'": "'",
  "`": "`",
  "\u201C": "\u201D",
  "\u2018": "\u2019",
  "\u00AB": "\u00BB",
};
const QUOTES = /^["'`\u201C\u201D\u2018\u2019\u00AB\u00BB]|["'`\u201C\u201D\u2018\u2019\u00AB\u00BB]$/g;
// `export AWS_BEARER_TOKEN_BEDROCK=`, `set -gx AWS_BEARER_TOKEN_BEDROCK `, `$env:AWS_BEARER_TOKEN_BEDROCK=`,
// `"AWS_BEARER_TOKEN_BEDROCK": `, `AWS_BEARER_TOKEN_BEDROCK: ` (YAML) and `setx AWS_BEARER_TOKEN_BEDROCK `.
const ENV_PREFIX =
  /^(?:export\s+|set\s+(?:-[a-zA-Z]+\s+)*|setx\s+|\$env:)?["']?AWS_BEARER_TOKEN_BEDROCK["']?(?:\s*[=:]\s*|\s+)/i;
// `Bearer `, `Authorization: Bearer `, `-H "Authorization: Bearer ` (curl), `"Authorization": "Bearer `.
const HEADER_PREFIX =
  /^(?:(?:-H|--header)\s*)?(?:["']?Authorization["']?\s*[:=]\s*["']?)?(?:Bearer(?:\s+|$))?/i;
const LONG_TERM_START = new RegExp(`(?:^|[\\s,;"'\`=:])${LONG_TERM_PREFIX}`, "g");
// A line break, with the indentation around it and a shell continuation backslash before it.
const LINE_BREAKS = /[ \t]*\\?[ \t]*(?:\r\n|\r|\n)[ \t]*/g;

function stripOnce(text: string): string {
  let result = text.replace(EDGE_JUNK, "");
  result = result.replace(/[;,]$/, "");
  result = result.replace(ENV_PREFIX, "");
  result = result.replace(HEADER_PREFIX, "");
  const first = result.charAt(0);
  const close = QUOTE_PAIRS[first];
  if (close !== undefined && result.length >= 2 && result.endsWith(close)) {
    result = result.slice(1, -1);
  } else {
    result = result.replace(QUOTES, "");
  }
  return result.replace(EDGE_JUNK, "");
}

/**
 * Removes what people paste around a key — surrounding whitespace and quotes, `Bearer ` and `Authorization:`
 * prefixes, `export AWS_BEARER_TOKEN_BEDROCK=` and friends, and the line breaks of a wrapped paste — without
 * changing any character of the key itself. Throws `EMPTY` when nothing is left and `MULTIPLE_KEYS` when the
 * text holds more than one key.
 */
export function cleanPaste(input: string): string {
  let text = input;
  for (let round = 0; round < 8; round += 1) {
    const next = stripOnce(text);
    if (next === text) break;
    text = next;
  }
  if (text === "") {
    throw new BedrockKeyFormatError(
      "EMPTY",
      input.trim() === ""
        ? "No key was pasted. Paste the Bedrock API key (it starts with ABSK or bedrock-api-key-)."
        : "Only a prefix such as 'Bearer' or 'AWS_BEARER_TOKEN_BEDROCK=' was pasted, without a key after it. Paste the whole key.",
    );
  }
  // A short-term prefix cannot occur inside a key (base64 has no '-'); "ABSK" can, so it counts only after a
  // separator.
  const longTermStarts = text.match(LONG_TERM_START)?.length ?? 0;
  const shortTermStarts = text.split(SHORT_TERM_PREFIX).length - 1;
  const half = text.length / 2;
  const doubledKey =
    text.length % 2 === 0 &&
    half > 16 &&
    text.slice(0, half) === text.slice(half) &&
    (text.startsWith(LONG_TERM_PREFIX) || text.startsWith(SHORT_TERM_PREFIX));
  if (longTermStarts + shortTermStarts > 1 || doubledKey) {
    throw new BedrockKeyFormatError(
      "MULTIPLE_KEYS",
      "More than one Bedrock API key was pasted. Paste exactly one key.",
    );
  }
  return text.replace(LINE_BREAKS, "");
}
