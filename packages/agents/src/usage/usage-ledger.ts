import { addUsage, emptyUsage, type Usage } from "./usage.js";

/** Usage broken down four ways. Tenants are key fingerprints (`"ambient"` when no key was given). */
export interface UsageReport {
  run: Usage;
  byAgent: Record<string, Usage>;
  byTask: Record<string, Usage>;
  byTenant: Record<string, Usage>;
}

/**
 * Attributes every model call's usage and cost to its agent, task, tenant and the run.
 *
 * @example
 * ```ts
 * const ledger = new UsageLedger();
 * ledger.record({ agent: "analyst", tenant: "3f2a9c1d", taskId: "t1" }, usage);
 * ledger.report().byTenant["3f2a9c1d"];
 * ```
 */
export class UsageLedger {
  private readonly run = emptyUsage();
  private readonly byAgent = new Map<string, Usage>();
  private readonly byTask = new Map<string, Usage>();
  private readonly byTenant = new Map<string, Usage>();

  record(owner: { agent: string; tenant: string; taskId?: string | undefined }, usage: Usage): void {
    addUsage(this.run, usage);
    addUsage(bucket(this.byAgent, owner.agent), usage);
    addUsage(bucket(this.byTenant, owner.tenant), usage);
    if (owner.taskId !== undefined) addUsage(bucket(this.byTask, owner.taskId), usage);
  }

  /** Restores totals from a snapshot report (used on resume). */
  restore(report: UsageReport): void {
    addUsage(this.run, report.run);
    for (const [key, usage] of Object.entries(report.byAgent)) addUsage(bucket(this.byAgent, key), usage);
    for (const [key, usage] of Object.entries(report.byTask)) addUsage(bucket(this.byTask, key), usage);
    for (const [key, usage] of Object.entries(report.byTenant)) addUsage(bucket(this.byTenant, key), usage);
  }

  total(): Usage {
    return { ...this.run };
  }

  report(): UsageReport {
    return {
      run: { ...this.run },
      byAgent: Object.fromEntries([...this.byAgent].map(([key, usage]) => [key, { ...usage }])),
      byTask: Object.fromEntries([...this.byTask].map(([key, usage]) => [key, { ...usage }])),
      byTenant: Object.fromEntries([...this.byTenant].map(([key, usage]) => [key, { ...usage }])),
    };
  }
}

function bucket(map: Map<string, Usage>, key: string): Usage {
  let usage = map.get(key);
  if (!usage) {
    usage = emptyUsage();
    map.set(key, usage);
  }
  return usage;
}
