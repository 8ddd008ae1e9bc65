import { createHash } from "node:crypto";

/**
 * The fingerprint of a Bedrock API key: the first 8 hex characters of the SHA-256 of the whole key.
 * Safe to log, store and compare; it cannot be reversed into the key.
 *
 * @example
 * ```ts
 * import { fingerprintKey } from "@bedrock-keys/credentials";
 * fingerprintKey("ABSK...") // => "3f2a9c1d"
 * ```
 */
export function fingerprintKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8);
}
