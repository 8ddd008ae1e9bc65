import { redactKey } from "./redact-key.js";

const KEY_LIKE = /ABSK[A-Za-z0-9+/]{8,}={0,2}|bedrock-api-key-[A-Za-z0-9+/]*={0,2}/g;
const BEARER = /(Bearer\s+)(?!ABSK…|bedrock-api-key-…|…\()\S+/gi;

/**
 * Replaces anything in `text` that looks like a Bedrock key (or follows `Bearer `) with its redacted form, so
 * text from elsewhere (a server's error message, a log line) can be shown safely.
 *
 * @example
 * ```ts
 * scrubKeyMaterial("bad key ABSKQmVkcm9ja0FQSUtleS…"); // => "bad key ABSK…(3f2a9c1d)"
 * ```
 */
export function scrubKeyMaterial(text: string): string {
  return text
    .replace(KEY_LIKE, (key) => redactKey(key))
    .replace(BEARER, (_match, bearer: string) => `${bearer}…`);
}
