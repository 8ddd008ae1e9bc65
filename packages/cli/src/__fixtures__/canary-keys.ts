import { randomBytes } from "node:crypto";

/** A console-style long-term key whose secret is a fresh random canary. */
export function makeCanaryLongTermKey(accountId = "123456789012"): { key: string; secret: string } {
  const secret = `CANARY${randomBytes(42).toString("base64url")}`;
  const user = `BedrockAPIKey-${randomBytes(2).toString("hex")}-at-${accountId}`;
  return { key: `ABSK${Buffer.from(`${user}:${secret}`).toString("base64")}`, secret };
}

/**
 * The 8-character windows of `key` (past its public prefix) and of `secret` that occur in `text`: empty when
 * nothing leaked. For a long-term key the first 60 characters encode only the public user name.
 */
export function leakedWindows(text: string, key: string, secret?: string): string[] {
  const sources = [
    key.startsWith("ABSK") ? key.slice(60) : key.slice(48),
    ...(secret === undefined ? [] : [secret]),
  ];
  const leaks = new Set<string>();
  for (const source of sources) {
    for (let index = 0; index + 8 <= source.length; index += 1) {
      const window = source.slice(index, index + 8);
      if (text.includes(window)) leaks.add(window);
    }
  }
  return [...leaks];
}
