import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprintKey } from "./fingerprint.js";

describe("fingerprintKey", () => {
  it("is the first 8 hex characters of the key's SHA-256", () => {
    const key = "ABSKQmVkcm9ja0FQSUtleS1hYmNkLWF0LTEyMzQ1Njc4OTAxMjpzZWNyZXQ=";
    expect(fingerprintKey(key)).toBe(createHash("sha256").update(key).digest("hex").slice(0, 8));
    expect(fingerprintKey(key)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("differs for keys that differ in one character", () => {
    expect(fingerprintKey("ABSKaaaa")).not.toBe(fingerprintKey("ABSKaaab"));
  });
});
