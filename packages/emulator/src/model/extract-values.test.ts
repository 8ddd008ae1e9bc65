import { describe, expect, it } from "vitest";
import { extractValues, tokenize } from "./extract-values.js";

describe("extractValues", () => {
  it("finds names and places but not capitalized request verbs or question words", () => {
    expect(extractValues("What is the weather in Paris today?").properNouns).toEqual(["Paris"]);
    expect(extractValues("Tokyo time and New York weather please").properNouns).toEqual([
      "Tokyo",
      "New York",
    ]);
    expect(extractValues("Tell me about Ada Lovelace. Compare her with Alan Turing.").properNouns).toEqual([
      "Ada Lovelace",
      "Alan Turing",
    ]);
  });

  it("lifts numbers, dates, e-mails, URLs, quoted strings and expressions", () => {
    const values = extractValues(
      'Send "quarterly report" to ana@example.com by 2025-03-31, see https://example.com/q1 and compute 12 * (3 + 4) for 2 teams',
    );
    expect(values.quoted).toEqual(["quarterly report"]);
    expect(values.emails).toEqual(["ana@example.com"]);
    expect(values.urls).toEqual(["https://example.com/q1"]);
    expect(values.dates).toEqual(["2025-03-31"]);
    expect(values.expressions).toEqual(["12 * (3 + 4)"]);
    expect(values.numbers).toEqual([12, 3, 4, 2]);
  });

  it("keeps content words in order without stop words", () => {
    expect(extractValues("How do I reset the password of my account?").words).toEqual([
      "reset",
      "password",
      "account",
    ]);
    expect(tokenize("getWeather for Paris_today")).toEqual(["get", "weather", "for", "paris", "today"]);
  });
});
