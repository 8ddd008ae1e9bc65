import { describe, expect, it } from "vitest";
import { applyLimits } from "./apply-limits.js";

describe("applyLimits", () => {
  it("leaves text alone when no limit applies", () => {
    expect(applyLimits("Hello world.", {})).toEqual({ text: "Hello world.", stopReason: "end_turn" });
    expect(applyLimits("Hello", { maxTokens: 2, stopSequences: ["zzz", ""] })).toEqual({
      text: "Hello",
      stopReason: "end_turn",
    });
  });

  it("cuts at the earliest stop sequence, whichever is listed first", () => {
    expect(applyLimits("one, two. three", { stopSequences: [".", ","] })).toEqual({
      text: "one",
      stopReason: "stop_sequence",
      stopSequence: ",",
    });
  });

  it("cuts at maxTokens * 4 characters", () => {
    expect(applyLimits("abcdefghij", { maxTokens: 2 })).toEqual({
      text: "abcdefgh",
      stopReason: "max_tokens",
    });
    expect(applyLimits("abcdefghij", { maxTokens: 0 })).toEqual({ text: "", stopReason: "max_tokens" });
  });

  it("lets a stop sequence within the token budget win over maxTokens", () => {
    expect(applyLimits("ab. cdefghijkl", { maxTokens: 2, stopSequences: ["."] }).stopReason).toBe(
      "stop_sequence",
    );
    expect(applyLimits("abcdefghijkl.", { maxTokens: 2, stopSequences: ["."] }).stopReason).toBe(
      "max_tokens",
    );
  });
});
