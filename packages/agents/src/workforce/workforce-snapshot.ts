import { readSnapshot } from "../snapshot/snapshot-file.js";
import type { UsageReport } from "../usage/usage-ledger.js";
import type { Subtask } from "./plan-schema.js";

/** What a Workforce saves after each completed subtask, to resume without redoing work. */
export interface WorkforceSnapshot {
  version: 1;
  task: string;
  plan: Subtask[];
  results: Record<string, { worker: string; result: string }>;
  replans: number;
  usage: UsageReport;
}

/**
 * The saved snapshot at `path` if it belongs to `task`, else `undefined`.
 *
 * @example
 * ```ts
 * const saved = loadWorkforceSnapshot("out/report.snapshot.json", "Write a report");
 * ```
 */
export function loadWorkforceSnapshot(path: string, task: string): WorkforceSnapshot | undefined {
  const saved = readSnapshot<WorkforceSnapshot>(path);
  return saved?.version === 1 && saved.task === task ? saved : undefined;
}
