import { createHash } from "node:crypto";

/**
 * Hex SHA-256 of a string, truncated to `length` characters (default the full 64).
 *
 * @example
 * ```ts
 * sha256("hello", 16); // "2cf24dba5fb0a30e"
 * ```
 */
export function sha256(text: string, length = 64): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, length);
}

/**
 * JSON with object keys sorted, so equal values always serialize to the same text.
 *
 * @example
 * ```ts
 * stableStringify({ b: 1, a: 2 }); // '{"a":2,"b":1}'
 * ```
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return inner;
  });
}
