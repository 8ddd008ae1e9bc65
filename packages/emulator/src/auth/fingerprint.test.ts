import { describe, expect, it } from "vitest";
import { keyFingerprint } from "./fingerprint.js";

describe("keyFingerprint", () => {
  it("is the first 8 hex characters of the SHA-256 of the key", () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(keyFingerprint("abc")).toBe("ba7816bf");
  });
});
