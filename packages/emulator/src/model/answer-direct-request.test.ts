import { describe, expect, it } from "vitest";
import { answerDirectRequest } from "./answer-direct-request.js";
import { evaluateArithmetic } from "./evaluate-arithmetic.js";
import { extractValues } from "./extract-values.js";

const answer = (text: string) => answerDirectRequest(extractValues(text));

describe("answerDirectRequest", () => {
  it("repeats quoted or single-word replies it is asked for", () => {
    expect(answer("Say 'pong'")).toBe("pong");
    expect(answer('Reply with exactly "All systems go" and nothing else.')).toBe("All systems go");
    expect(answer("Reply with OK.")).toBe("OK");
    expect(answer("please say banana")).toBe("banana");
  });

  it("computes arithmetic it is asked about", () => {
    expect(answer("What is 2 + 2?")).toBe("2 + 2 = 4");
    expect(answer("Calculate 12 * (3 + 4) for me")).toBe("12 * (3 + 4) = 84");
    expect(answer("I have 2 cats and 3 dogs")).toBeUndefined();
  });

  it("answers in one word when asked", () => {
    expect(answer("Say hello in one word")).toBe("Hello.");
    expect(answer("Describe Paris in one word.")).toBe("Paris.");
  });

  it("leaves ordinary questions to the composer", () => {
    expect(answer("How do volcanoes form?")).toBeUndefined();
  });
});

describe("evaluateArithmetic", () => {
  it("follows precedence, parentheses, unary minus and right-associative powers", () => {
    expect(evaluateArithmetic("1 + 2 * 3")).toBe(7);
    expect(evaluateArithmetic("(1 + 2) * 3")).toBe(9);
    expect(evaluateArithmetic("-3 + 5")).toBe(2);
    expect(evaluateArithmetic("2 ^ 3 ^ 2")).toBe(512);
    expect(evaluateArithmetic("7 % 4")).toBe(3);
    expect(evaluateArithmetic("0.1 + 0.2")).toBe(0.3);
  });

  it("refuses anything that is not arithmetic or has no finite value", () => {
    expect(evaluateArithmetic("1 / 0")).toBeUndefined();
    expect(evaluateArithmetic("2 + x")).toBeUndefined();
    expect(evaluateArithmetic("(1 + 2")).toBeUndefined();
    expect(evaluateArithmetic("process.exit()")).toBeUndefined();
  });
});
