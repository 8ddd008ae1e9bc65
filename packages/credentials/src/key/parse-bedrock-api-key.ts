import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { BedrockApiKey } from "./bedrock-api-key.js";
import { cleanPaste } from "./clean-paste.js";
import { diagnoseForeignText } from "./diagnose-foreign-text.js";
import { LONG_TERM_PREFIX, SHORT_TERM_PREFIX } from "./key-prefixes.js";
import { parseLongTermKey } from "./parse-long-term-key.js";
import { parseShortTermKey } from "./parse-short-term-key.js";

/** Options of {@link parseBedrockApiKey}. */
export interface ParseBedrockApiKeyOptions {
  /** The clock a short-term key's validity is checked against. Default: the current time. */
  now?: Date;
}

/**
 * Turns what a person pasted into a {@link BedrockApiKey}, or explains what is wrong with it.
 *
 * Accepts surrounding whitespace and quotes, `Bearer ` / `Authorization: Bearer ` prefixes,
 * `export AWS_BEARER_TOKEN_BEDROCK=` (and the Windows, fish, YAML and JSON spellings) and line breaks inside a
 * wrapped key — without ever changing a character of the key itself. Anything else throws a
 * {@link BedrockKeyFormatError} whose stable `code` says what was pasted instead (an AWS access key, an OpenAI key,
 * a truncated or expired key, two keys…) and whose message says what to do, never repeating the input.
 *
 * @example
 * ```ts
 * const key = parseBedrockApiKey('export AWS_BEARER_TOKEN_BEDROCK="ABSKQmVkcm9ja0FQSUtleS…"');
 * key.kind; // "long-term"
 * key.accountId; // "123456789012"
 * ```
 */
export function parseBedrockApiKey(input: string, options: ParseBedrockApiKeyOptions = {}): BedrockApiKey {
  if (typeof input !== "string") {
    if (BedrockApiKey.isInstance(input)) return input;
    throw new BedrockKeyFormatError("EMPTY", "No key was given: expected the key as a string.");
  }
  const now = options.now ?? new Date();
  const cleaned = cleanPaste(input);
  const isKey = cleaned.startsWith(LONG_TERM_PREFIX) || cleaned.startsWith(SHORT_TERM_PREFIX);
  if (!isKey || /[…•●]|\*{3,}|\.{3}/.test(cleaned)) throw diagnoseForeignText(cleaned);
  // Whitespace is never part of a key: inside one it is what is left of a line wrapped with spaces.
  const joined = cleaned.replace(WHITESPACE, "");
  try {
    return parseKey(joined, now);
  } catch (error) {
    // …unless the key is complete before the first space and words follow it ("ABSK… is my key").
    const first = cleaned.split(WHITESPACE)[0] ?? "";
    if (first !== joined && isParsable(first, now)) {
      throw new BedrockKeyFormatError(
        "EXTRA_TEXT",
        "A Bedrock API key is in there, followed by other text. Paste only the key.",
      );
    }
    throw error;
  }
}

const WHITESPACE = /[\s\u200B-\u200D\u2060]+/g;

function parseKey(text: string, now: Date): BedrockApiKey {
  return text.startsWith(SHORT_TERM_PREFIX) ? parseShortTermKey(text, now) : parseLongTermKey(text);
}

function isParsable(text: string, now: Date): boolean {
  try {
    parseKey(text, now);
    return true;
  } catch {
    return false;
  }
}
