import { describe, expect, it } from "vitest";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { formatDuration } from "./format-duration.js";
import { parseDuration } from "./parse-duration.js";
import { redactSecrets } from "./redact-secrets.js";

describe("formatDuration", () => {
  it("formats countdowns at each scale", () => {
    expect(formatDuration(43_140)).toBe("11h 59m");
    expect(formatDuration(6 * 86_400 + 4 * 3600 + 5)).toBe("6d 4h");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(125)).toBe("2m 5s");
    expect(formatDuration(-180)).toBe("expired 3m 0s ago");
  });
});

describe("parseDuration", () => {
  it("accepts units and bare seconds", () => {
    expect(parseDuration("12h", "--expires")).toBe(43_200);
    expect(parseDuration("90m", "--expires")).toBe(5400);
    expect(parseDuration("3600", "--expires")).toBe(3600);
    expect(parseDuration("1d", "--expires")).toBe(86_400);
  });

  it("rejects garbage with a usage error", () => {
    expect(() => parseDuration("soon", "--expires")).toThrow(CliUsageError);
    expect(() => parseDuration("-5h", "--expires")).toThrow(/--expires must be a duration/);
  });
});

describe("redactSecrets", () => {
  it("removes long-term and short-term key shapes and signatures", () => {
    const text =
      "a ABSKQmVkcm9ja0FQSUtleS1hYmNk b bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t c X-Amz-Signature=abc123&x Bearer tok3nTok3nTok3nTok3n";
    const redacted = redactSecrets(text);
    expect(redacted).toBe("a [redacted] b [redacted] c X-Amz-Signature=[redacted]&x Bearer [redacted]");
  });

  it("leaves prose about keys alone", () => {
    const prose = "Use it with SigV4 (not a bearer key), or paste a key starting ABSK… instead.";
    expect(redactSecrets(prose)).toBe(prose);
  });
});
