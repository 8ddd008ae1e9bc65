import { describe, expect, it } from "vitest";
import { fingerprintKey } from "./fingerprint.js";
import { redactKey } from "./redact-key.js";

describe("redactKey", () => {
  it("keeps only the public prefix and the fingerprint", () => {
    const longTerm = "ABSKQmVkcm9ja0FQSUtleS1hYmNkLWF0LTEyMzQ1Njc4OTAxMjpzZWNyZXQ=";
    expect(redactKey(longTerm)).toBe(`ABSK…(${fingerprintKey(longTerm)})`);
    const shortTerm = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249";
    expect(redactKey(shortTerm)).toBe(`bedrock-api-key-…(${fingerprintKey(shortTerm)})`);
  });

  it("shows no prefix for text that is not a Bedrock key", () => {
    expect(redactKey("sk-secret-value")).toBe(`…(${fingerprintKey("sk-secret-value")})`);
  });
});
