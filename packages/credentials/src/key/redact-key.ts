import { fingerprintKey } from "./fingerprint.js";
import { LONG_TERM_PREFIX, SHORT_TERM_PREFIX } from "./key-prefixes.js";

/**
 * The safe display form of a key: its public prefix, an ellipsis and its fingerprint, e.g. `ABSK…(3f2a9c1d)` or
 * `bedrock-api-key-…(abcd1234)`. Anything that is not a Bedrock key shows only `…(fingerprint)`.
 *
 * @example
 * ```ts
 * redactKey("ABSKQmVkcm9ja0FQSUtleS...") // => "ABSK…(3f2a9c1d)"
 * ```
 */
export function redactKey(key: string): string {
  const prefix = key.startsWith(LONG_TERM_PREFIX)
    ? LONG_TERM_PREFIX
    : key.startsWith(SHORT_TERM_PREFIX)
      ? SHORT_TERM_PREFIX
      : "";
  return `${prefix}…(${fingerprintKey(key)})`;
}
