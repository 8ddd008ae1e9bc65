import { ratio } from "./stats.js";
import type { Entry, EntrySpec, Summary, Target } from "./types.js";

/** Whether a value meets a target, or null when there is no target or no value. */
export function targetMet(
  target: Target | null,
  ours: number | null,
  ratioValue: number | null,
): boolean | null {
  if (target === null) return null;
  const value = target.metric === "ratio" ? ratioValue : ours;
  if (value === null || !Number.isFinite(value)) return null;
  switch (target.op) {
    case "<=":
      return value <= target.value;
    case "<":
      return value < target.value;
    case ">=":
      return value >= target.value;
    case ">":
      return value > target.value;
    case "==":
      return value === target.value;
  }
}

/** A measured row: the ratio is `ours.median / anchor.median`, and `met` is checked against the spec's target. */
export function measuredEntry(
  spec: EntrySpec,
  values: { ours: Summary; anchor?: Summary | null; note?: string },
): Entry {
  const anchor = values.anchor ?? null;
  const ratioValue = anchor === null ? null : ratio(values.ours.median, anchor.median);
  return {
    ...spec,
    status: "ok",
    ours: values.ours,
    anchor,
    ratio: ratioValue,
    met: targetMet(spec.target, values.ours.median, ratioValue),
    ...(values.note === undefined ? {} : { note: values.note }),
  };
}

/** A row whose code under test does not exist yet: no number, a visible note. */
export function skippedEntry(spec: EntrySpec, note: string): Entry {
  return { ...spec, status: "skipped", ours: null, anchor: null, ratio: null, met: null, note };
}

/** A row whose measurement threw or timed out. */
export function errorEntry(spec: EntrySpec, note: string): Entry {
  return { ...spec, status: "error", ours: null, anchor: null, ratio: null, met: null, note };
}

/** Declares a row; a shorthand that keeps benchmark files readable. */
export function spec(
  group: string,
  name: string,
  unit: string,
  better: "lower" | "higher",
  options: { anchorName?: string; target?: Target } = {},
): EntrySpec {
  return {
    group,
    name,
    unit,
    better,
    anchorName: options.anchorName ?? null,
    target: options.target ?? null,
  };
}
