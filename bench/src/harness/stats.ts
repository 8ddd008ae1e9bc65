import type { Summary } from "./types.js";

/**
 * The q-quantile (0..1) of the samples, interpolating linearly between closest ranks (R type 7, like numpy's
 * default), so the median of an even count is the mean of the middle two.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError("quantile of an empty sample");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (position - lower);
}

/** The median of the samples. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** Median, quartiles, extremes and count of the samples. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError("summary of an empty sample");
  return {
    median: median(samples),
    q1: quantile(samples, 0.25),
    q3: quantile(samples, 0.75),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  };
}

/** A single measured value as a summary (no spread). */
export function single(value: number): Summary {
  return { median: value, q1: value, q3: value, min: value, max: value, n: 1 };
}

/** The interquartile range of a summary. */
export function iqr(summary: Summary): number {
  return summary.q3 - summary.q1;
}

/** ours / anchor, or null when either is missing or the anchor is zero. */
export function ratio(ours: number | null | undefined, anchor: number | null | undefined): number | null {
  if (ours == null || anchor == null || anchor === 0 || !Number.isFinite(ours) || !Number.isFinite(anchor)) {
    return null;
  }
  return ours / anchor;
}
