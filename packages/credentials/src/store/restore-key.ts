import { BedrockApiKey } from "../key/bedrock-api-key.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import type { KeyRecord, StorableKey } from "./key-record.js";

/**
 * Turns what a caller hands a store into a `BedrockApiKey`: a `BedrockApiKey` as is, a string (or another
 * `StorableKey`) through `parseBedrockApiKey`, whose typed errors pass through unchanged.
 */
export function toStoredKey(input: StorableKey | string): BedrockApiKey {
  if (typeof input === "string") return parseBedrockApiKey(input);
  if (BedrockApiKey.isInstance(input)) return input;
  return parseBedrockApiKey(input.reveal());
}

/**
 * Rebuilds the `BedrockApiKey` of a stored record from its opened secret. The record's metadata wins (it may
 * carry an expiry learned from IAM); the key's own facts (issue time, user name) are recovered by parsing it
 * as of when it was stored, so a short-term key that has since expired still opens and reports `isExpired()`.
 */
export function restoreKey(secret: string, record: KeyRecord): BedrockApiKey {
  let parsed: BedrockApiKey | undefined;
  try {
    parsed = parseBedrockApiKey(secret, { now: record.createdAt });
  } catch {
    parsed = undefined; // the record's metadata is enough to rebuild the key
  }
  return new BedrockApiKey(secret, {
    kind: record.kind,
    // Only a short-term key is bound to a region; a long-term key's record region is where it was verified.
    ...(record.kind === "short-term" && record.region !== undefined && { region: record.region }),
    ...(parsed?.issuedAt !== undefined && { issuedAt: parsed.issuedAt }),
    ...(record.expiresAt !== undefined && { expiresAt: record.expiresAt }),
    ...(record.accountId !== undefined && { accountId: record.accountId }),
    ...(parsed?.userName !== undefined && { userName: parsed.userName }),
  });
}
