import { describe, expect, it } from "vitest";
import { measuredEntry, skippedEntry, spec } from "./entries.js";
import {
  formatNumber,
  formatRatio,
  formatSummary,
  formatTarget,
  renderReport,
  renderTable,
} from "./render-table.js";
import { single, summarize } from "./stats.js";
import type { Results } from "./types.js";

const invoke = spec("2 chat", "ChatBedrockKey.invoke", "ms/call", "lower", {
  anchorName: "raw SDK",
  target: { metric: "ratio", op: "<=", value: 1.1 },
});

describe("table rendering", () => {
  it("formats numbers by magnitude", () => {
    expect(formatNumber(12345.6)).toBe("12,346");
    expect(formatNumber(3)).toBe("3");
    expect(formatNumber(123.45)).toBe("123.5");
    expect(formatNumber(1.234)).toBe("1.23");
    expect(formatNumber(0.012345)).toBe("0.0123");
  });

  it("keeps tiny ratios readable", () => {
    expect(formatRatio(1.054)).toBe("1.05x");
    expect(formatRatio(0.0001)).toBe("0.00010x");
  });

  it("shows the median with its IQR, or the bare value when there is no spread", () => {
    expect(formatSummary(summarize([1, 2, 3, 4, 5]))).toBe("3 (IQR 2–4)");
    expect(formatSummary(single(1))).toBe("1");
    expect(formatSummary(null)).toBe("–");
  });

  it("writes targets in words", () => {
    expect(formatTarget({ metric: "ratio", op: "<=", value: 1.1 }, "ms")).toBe("ratio ≤ 1.10");
    expect(formatTarget({ metric: "ours", op: ">=", value: 3000 }, "req/s")).toBe("≥ 3,000 req/s");
    expect(formatTarget(null, "ms")).toBe("–");
  });

  it("renders one row per entry with the ratio as the headline and skipped rows marked", () => {
    const table = renderTable([
      measuredEntry(invoke, { ours: single(1.05), anchor: single(1) }),
      skippedEntry({ ...invoke, name: "stream | total" }, "not yet available: @bedrock-keys/langchain"),
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("| Ratio |");
    expect(lines[2]).toContain("**1.05x**");
    expect(lines[2]).toContain("| yes |");
    expect(lines[2]).toContain("1 (raw SDK)");
    expect(lines[3]).toContain("not yet available");
    expect(lines[3]).toContain("stream \\| total");
    for (const line of lines) expect(line.split(/(?<!\\)\|/)).toHaveLength(11);
  });

  it("puts the mode and machine above the table", () => {
    const results: Results = {
      schemaVersion: 1,
      timestamp: "2026-01-01T00:00:00.000Z",
      mode: "full",
      machine: { cpus: 2, model: "Test CPU", node: "v20.0.0", os: "Linux", memoryGb: 8 },
      durationSeconds: 12,
      benchmarks: [],
    };
    const report = renderReport(results);
    expect(report.split("\n")[0]).toContain("Mode: full");
    expect(report).toContain("2 x Test CPU");
  });
});
