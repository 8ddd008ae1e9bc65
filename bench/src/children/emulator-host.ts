import { serveChild } from "../support/child.js";
import type { EmulatorApi, EmulatorLike, ScriptedResponse } from "../support/contracts.js";
import { loadApi } from "../support/load-api.js";

/** Commands the bench sends to an emulator running in this child process. */
export type HostCommand =
  | {
      command: "start";
      quotas?: { requestsPerMinute?: number; tokensPerMinute?: number };
      /** Run the emulator's clock this many times faster than real time, from `clockStart` (a shared epoch). */
      clock?: { factor: number; start: number; realStart: number };
    }
  | { command: "issueLongTermKey"; userName: string }
  | { command: "script"; modelId: string; responses: ScriptedResponse[] }
  | { command: "clearAudit" }
  | { command: "auditSummary" }
  | { command: "close" };

export interface AuditSummary {
  requests: number;
  fingerprints: number;
  byStatus: Record<string, number>;
}

let emulator: EmulatorLike | undefined;

function started(): EmulatorLike {
  if (!emulator) throw new Error("the emulator host was not started");
  return emulator;
}

serveChild<HostCommand, unknown>(async (input) => {
  switch (input.command) {
    case "start": {
      const { startEmulator } = await loadApi<EmulatorApi>("@bedrock-keys/emulator", ["startEmulator"]);
      const clock = input.clock;
      emulator = await startEmulator({
        port: 0,
        ...(input.quotas ? { quotas: input.quotas } : {}),
        ...(clock ? { now: () => clock.start + (Date.now() - clock.realStart) * clock.factor } : {}),
      });
      return { url: emulator.url, region: emulator.region, testCredentials: emulator.keys.testCredentials };
    }
    case "issueLongTermKey":
      return started().keys.issueLongTermKey({ userName: input.userName });
    case "script":
      started().script(input.modelId, input.responses);
      return null;
    case "clearAudit":
      started().clearAudit();
      return null;
    case "auditSummary": {
      const entries = started().audit();
      const byStatus: Record<string, number> = {};
      for (const entry of entries) byStatus[entry.status] = (byStatus[entry.status] ?? 0) + 1;
      const fingerprints = new Set(entries.map((entry) => entry.fingerprint)).size;
      return { requests: entries.length, fingerprints, byStatus } satisfies AuditSummary;
    }
    case "close":
      await emulator?.close();
      emulator = undefined;
      return null;
  }
});
