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
