import type { Entry, Results, Summary, Target } from "./types.js";

/** Formats a number for a table: thousands separators for big values, three significant digits for small. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  if (magnitude >= 1000) return Math.round(value).toLocaleString("en-US");
  if (magnitude >= 100) return value.toFixed(1);
  if (magnitude >= 10) return value.toFixed(2);
  if (magnitude >= 1 || magnitude === 0) return value.toFixed(2);
  return value.toPrecision(3);
}

/** A ratio with two decimals, or two significant digits when it is tiny (e.g. 1 mint against 10,000). */
export function formatRatio(value: number): string {
  return `${Math.abs(value) >= 0.01 || value === 0 ? value.toFixed(2) : value.toPrecision(2)}x`;
}

/** `median (IQR q1–q3)`, or just the median when there is a single sample. */
export function formatSummary(summary: Summary | null): string {
  if (summary === null) return "–";
  if (summary.n === 1 || summary.q1 === summary.q3) return formatNumber(summary.median);
  return `${formatNumber(summary.median)} (IQR ${formatNumber(summary.q1)}–${formatNumber(summary.q3)})`;
}

/** A target in words, e.g. `ratio ≤ 1.10` or `≥ 3,000 req/s`. */
export function formatTarget(target: Target | null, unit: string): string {
  if (target === null) return "–";
  const op = { "<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=" }[target.op];
  if (target.metric === "ratio") return `ratio ${op} ${target.value.toFixed(2)}`;
  return `${op} ${formatNumber(target.value)} ${unit}`;
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function ourCell(entry: Entry): string {
  if (entry.status === "skipped")
    return entry.note?.startsWith("not yet available") ? "not yet available" : "skipped";
  if (entry.status === "error") return "error";
  return formatSummary(entry.ours);
}

function anchorCell(entry: Entry): string {
  if (entry.anchorName === null) return "–";
  if (entry.status !== "ok") return entry.anchorName;
  return `${formatSummary(entry.anchor)} (${entry.anchorName})`;
}

/** The results as one Markdown table, one row per entry; the ratio (ours / anchor) is the headline column. */
export function renderTable(entries: readonly Entry[]): string {
  const header = [
    "| Group | Measurement | Unit | Ours: median (IQR) | Anchor: median (IQR) | Ratio | Target | Met | Note |",
    "| --- | --- | --- | ---: | ---: | ---: | --- | :---: | --- |",
  ];
  const rows = entries.map((entry) => {
    const cells = [
      entry.group,
      entry.name,
      entry.unit,
      ourCell(entry),
      anchorCell(entry),
      entry.ratio === null ? "–" : `**${formatRatio(entry.ratio)}**`,
      formatTarget(entry.target, entry.unit),
      entry.met === null ? "–" : entry.met ? "yes" : "no",
      entry.note ?? "",
    ];
    return `| ${cells.map(escapeCell).join(" | ")} |`;
  });
  return [...header, ...rows].join("\n");
}

/** A heading line with mode, time and machine, then the table. */
export function renderReport(results: Results): string {
  const machine = results.machine;
  return [
    `Mode: ${results.mode}; ${results.timestamp}; ${results.durationSeconds.toFixed(0)} s; ` +
      `${machine.cpus} x ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`,
    "",
    renderTable(results.benchmarks),
  ].join("\n");
}
