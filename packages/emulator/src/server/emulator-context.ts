import type { AuditLog } from "../audit/audit-log.js";
import type { Authenticator } from "../auth/authenticator.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import type { ModelInfo } from "../model/types.js";
import type { QuotaLimiter } from "../quotas/quota-limiter.js";
import type { ScriptQueue } from "../script/script-queue.js";

/** Everything a request handler needs, shared by all requests of one emulator. */
export interface EmulatorContext {
  region: string;
  seed: number;
  models: ModelInfo[];
  now: () => number;
  latency: { firstTokenMs: number; tokensPerSecond: number };
  maxBodyBytes: number;
  authenticator: Authenticator;
  audit: AuditLog;
  quotas: QuotaLimiter;
  faults: FaultInjector;
  scripts: ScriptQueue;
  /** Prompt prefixes seen before a cache point, so a repeat reports cache reads. */
  promptCache: Set<string>;
  /** Set by `close()`; errors of requests cut short by it are expected. */
  closed: boolean;
  /** A delay that `close()` cuts short (it rejects). */
  sleep(ms: number): Promise<void>;
}
