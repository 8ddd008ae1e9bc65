import { describe, expect, it } from "vitest";
import { errorEntry, measuredEntry, skippedEntry, spec, targetMet } from "./entries.js";
import { single, summarize } from "./stats.js";

const timeSpec = spec("2 chat", "invoke", "ms/call", "lower", {
  anchorName: "raw SDK",
  target: { metric: "ratio", op: "<=", value: 1.1 },
});

describe("entries", () => {
  it("computes the ratio from the medians and checks a ratio target", () => {
    const entry = measuredEntry(timeSpec, {
      ours: summarize([1.0, 1.05, 1.1]),
      anchor: summarize([1, 1, 1]),
    });
    expect(entry.status).toBe("ok");
    expect(entry.ratio).toBeCloseTo(1.05);
    expect(entry.met).toBe(true);
    const slow = measuredEntry(timeSpec, { ours: single(1.5), anchor: single(1) });
    expect(slow.met).toBe(false);
  });

  it("checks a target on our own value when there is no anchor", () => {
    const throughput = spec("6 emulator", "Converse", "req/s", "higher", {
      target: { metric: "ours", op: ">=", value: 3000 },
    });
    const entry = measuredEntry(throughput, { ours: single(3500) });
    expect(entry.anchor).toBeNull();
    expect(entry.ratio).toBeNull();
    expect(entry.met).toBe(true);
    expect(measuredEntry(throughput, { ours: single(2999) }).met).toBe(false);
  });

  it("has no verdict without a target or a value", () => {
    expect(targetMet(null, 1, 1)).toBeNull();
    expect(targetMet({ metric: "ratio", op: "<", value: 1 }, 0.5, null)).toBeNull();
    expect(targetMet({ metric: "ours", op: "==", value: 1 }, 1, null)).toBe(true);
    expect(targetMet({ metric: "ours", op: ">", value: 1 }, 1, null)).toBe(false);
  });

  it("gives skipped and failed rows no number and a note", () => {
    for (const entry of [
      skippedEntry(timeSpec, "not yet available: x"),
      errorEntry(timeSpec, "Error: boom"),
    ]) {
      expect(entry.ours).toBeNull();
      expect(entry.ratio).toBeNull();
      expect(entry.met).toBeNull();
      expect(entry.note).toBeTruthy();
    }
    expect(skippedEntry(timeSpec, "n").status).toBe("skipped");
    expect(errorEntry(timeSpec, "n").status).toBe("error");
  });
});
