import { randomBytes } from "node:crypto";

/** A realistic console-style long-term key with a random (canary) secret. */
export interface TestLongTermKey {
  key: string;
  /** The decoded secret after the colon. */
  secret: string;
}

/**
 * Makes `ABSK` + base64(`BedrockAPIKey-<id>-at-<account>:<secret>`) with a fresh random secret, like the console.
 */
export function makeLongTermKey(options: { id?: string; accountId?: string } = {}): TestLongTermKey {
  const secret = randomBytes(48).toString("base64");
  const id = options.id ?? randomBytes(2).toString("hex");
  const user = `BedrockAPIKey-${id}-at-${options.accountId ?? "123456789012"}`;
  return { key: `ABSK${Buffer.from(`${user}:${secret}`).toString("base64")}`, secret };
}

/**
 * Every 8-character window of the parts of `key` that encode its secret (the decoded secret, and the key string
 * past the base64 of the user name), for canary scans.
 */
export function secretWindows(key: string, secret?: string): string[] {
  const windows = new Set<string>();
  const sources = [key.slice(60), ...(secret === undefined ? [] : [secret])];
  for (const source of sources) {
    for (let index = 0; index + 8 <= source.length; index++) windows.add(source.slice(index, index + 8));
  }
  return [...windows];
}

/** The windows of `key`'s secret that occur in `haystack` (empty when nothing leaked). */
export function leakedWindows(haystack: string | Uint8Array, key: string, secret?: string): string[] {
  const text = typeof haystack === "string" ? haystack : Buffer.from(haystack).toString("latin1");
  return secretWindows(key, secret).filter((window) => text.includes(window));
}
