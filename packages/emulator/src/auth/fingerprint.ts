import { createHash } from "node:crypto";

/**
 * The fingerprint the audit records instead of a key: the first 8 hex characters of its SHA-256, computed exactly
 * like `@bedrock-keys/credentials` does (the emulator depends on no other package of ours, so it has its own).
 *
 * @example
 * ```ts
 * keyFingerprint("ABSK...") // => "3f2a9c1d"
 * ```
 */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8);
}
