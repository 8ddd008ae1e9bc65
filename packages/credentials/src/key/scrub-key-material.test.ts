import { describe, expect, it } from "vitest";
import { makeLongTermKey, makeShortTermKey } from "../__fixtures__/keys.js";
import { redactKey } from "./redact-key.js";
import { scrubKeyMaterial } from "./scrub-key-material.js";

describe("scrubKeyMaterial", () => {
  it("replaces long- and short-term keys with their redacted form", () => {
    const long = makeLongTermKey();
    const short = makeShortTermKey();
    const text = `first ${long}, then "${short}".`;
    expect(scrubKeyMaterial(text)).toBe(`first ${redactKey(long)}, then "${redactKey(short)}".`);
  });

  it("hides whatever follows Bearer", () => {
    expect(scrubKeyMaterial("Authorization: Bearer sk-live-123456")).toBe("Authorization: Bearer …");
  });

  it("leaves ordinary text alone", () => {
    expect(scrubKeyMaterial("Authentication failed: Please make sure your API Key is valid.")).toBe(
      "Authentication failed: Please make sure your API Key is valid.",
    );
  });
});
