import { describe, expect, it } from "vitest";
import { errorEntry, measuredEntry, skippedEntry, spec } from "./entries.js";
import { machineInfo } from "./machine-info.js";
import { resultsSchema } from "./result-schema.js";
import { single } from "./stats.js";

const row = spec("1 keys", "mint", "ops/s", "higher", {
  anchorName: "getToken",
  target: { metric: "ratio", op: ">=", value: 1 },
});

function results(benchmarks: unknown[]) {
  return {
    schemaVersion: 1,
    timestamp: new Date(0).toISOString(),
    mode: "quick",
    machine: machineInfo(),
    durationSeconds: 1,
    benchmarks,
  };
}

describe("results schema", () => {
  it("accepts measured, skipped and error rows with this machine's info", () => {
    const parsed = resultsSchema.safeParse(
      results([
        measuredEntry(row, { ours: single(2), anchor: single(1) }),
        skippedEntry(row, "not yet available: x"),
        errorEntry(row, "Error: y"),
      ]),
    );
    expect(parsed.success).toBe(true);
  });

  it("rejects a measured row without our value", () => {
    const bad = { ...measuredEntry(row, { ours: single(2) }), ours: null };
    expect(resultsSchema.safeParse(results([bad])).success).toBe(false);
  });

  it("rejects a skipped row that carries a number or no note", () => {
    const withNumber = { ...skippedEntry(row, "n"), ratio: 1 };
    const { note: _note, ...withoutNote } = skippedEntry(row, "n");
    expect(resultsSchema.safeParse(results([withNumber])).success).toBe(false);
    expect(resultsSchema.safeParse(results([withoutNote])).success).toBe(false);
  });

  it("rejects unknown modes, fields and a bad timestamp", () => {
    expect(resultsSchema.safeParse({ ...results([]), mode: "slow" }).success).toBe(false);
    expect(resultsSchema.safeParse({ ...results([]), extra: 1 }).success).toBe(false);
    expect(resultsSchema.safeParse({ ...results([]), timestamp: "yesterday" }).success).toBe(false);
  });
});
