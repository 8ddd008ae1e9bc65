import type { AuditEntry, FaultConfig } from "@bedrock-keys/emulator";
import { costOf, defaultPriceTable } from "../../limits/price-table.js";
import type { Clock } from "../../time/clock.js";
import type { Usage } from "../../usage/usage.js";

/**
 * The fault mix of issue 9: 20% throttling, 5% service unavailable, 2% mid-stream errors and 2% connection
 * resets (the injector draws kinds in that order from one seeded PRNG).
 */
export const ISSUE_FAULTS: FaultConfig = {
  rates: { throttling: 0.2, serviceUnavailable: 0.05, midStreamError: 0.02, connectionReset: 0.02 },
  seed: 9,
};

/**
 * Real time for deadlines, but every backoff and limiter wait returns on the next turn of the event loop, so a
 * run that absorbs hundreds of throttles takes no wall-clock time waiting.
 */
export const instantClock: Clock = {
  now: () => Date.now(),
  sleep: () => new Promise((resolve) => setImmediate(resolve)),
};

/** A served model request the client received whole: HTTP 200, no stream exception, no injected fault. */
export function isSuccessfulModelCall(entry: AuditEntry): boolean {
  return (
    (entry.operation === "Converse" || entry.operation === "ConverseStream") &&
    entry.status === 200 &&
    entry.errorType === undefined &&
    entry.fault === undefined
  );
}

/** Calls, tokens and list-price cost of the successful model requests in an audit, overall or for one key. */
export function auditUsage(audit: readonly AuditEntry[], fingerprint?: string): Usage {
  const usage: Usage = { calls: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 };
  for (const entry of audit) {
    if (!isSuccessfulModelCall(entry)) continue;
    if (fingerprint !== undefined && entry.fingerprint !== fingerprint) continue;
    usage.calls += 1;
    usage.inputTokens += entry.inputTokens;
    usage.outputTokens += entry.outputTokens;
    usage.totalTokens += entry.inputTokens + entry.outputTokens;
    usage.costUsd += costOf(entry.modelId ?? "", entry.inputTokens, entry.outputTokens, defaultPriceTable);
  }
  return usage;
}

/** How many requests failed, by injected fault or Bedrock error name. */
export function failureCounts(audit: readonly AuditEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of audit) {
    const kind = entry.fault ?? entry.errorType;
    if (kind !== undefined) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
