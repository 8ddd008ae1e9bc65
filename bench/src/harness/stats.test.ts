import { describe, expect, it } from "vitest";
import { iqr, median, quantile, ratio, single, summarize } from "./stats.js";

describe("stats", () => {
  it("takes the middle value as the median of an odd count", () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it("averages the middle two values for the median of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("interpolates quartiles linearly between ranks (type 7)", () => {
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(quantile(samples, 0.25)).toBe(3);
    expect(quantile(samples, 0.75)).toBe(7);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
    expect(quantile(samples, 0)).toBe(1);
    expect(quantile(samples, 1)).toBe(9);
  });

  it("does not reorder the caller's samples", () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it("summarizes median, quartiles, extremes and count", () => {
    const summary = summarize([8, 2, 4, 6, 10]);
    expect(summary).toEqual({ median: 6, q1: 4, q3: 8, min: 2, max: 10, n: 5 });
    expect(iqr(summary)).toBe(4);
  });

  it("treats a single value as a summary without spread", () => {
    expect(single(7)).toEqual({ median: 7, q1: 7, q3: 7, min: 7, max: 7, n: 1 });
  });

  it("refuses an empty sample and a quantile outside [0, 1]", () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it("computes the ratio as ours over anchor, null when it cannot", () => {
    expect(ratio(11, 10)).toBeCloseTo(1.1);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
    expect(ratio(Number.NaN, 3)).toBeNull();
  });
});
