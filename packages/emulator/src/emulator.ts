import type { AuditEntry } from "./audit/audit-log.js";
import type { IamCredentials } from "./auth/iam-credential-registry.js";
import type { IssueLongTermKeyOptions, LongTermKeyStatus } from "./auth/long-term-key-registry.js";
import type { FaultConfig } from "./faults/fault-injector.js";
import type { QuotaConfig } from "./quotas/quota-limiter.js";
import type { ScriptedResponse } from "./script/scripted-response.js";

/** Key management of a running emulator (IAM, in miniature). */
export interface EmulatorKeys {
  /** Issues a real-format long-term key (`ABSK…`) and returns it. */
  issueLongTermKey(options?: IssueLongTermKeyOptions): string;
  /** Revokes a long-term key for good (deleting the service-specific credential). */
  revoke(key: string): void;
  /** Deactivates or reactivates a long-term key. */
  setStatus(key: string, status: "Active" | "Inactive"): void;
  /** IAM's view of a long-term key: `Active`, `Inactive`, `Expired` or `Revoked`. */
  status(key: string): LongTermKeyStatus | "Revoked";
  /** Trusts IAM credentials for verifying short-term keys signed with them. */
  addIamCredentials(credentials: IamCredentials): void;
  /** Credentials registered at start, for minting short-term keys in tests. */
  readonly testCredentials: { accessKeyId: string; secretAccessKey: string };
}

/** A running emulator. */
export interface Emulator {
  /** `http://<host>:<port>`, for `endpoint` / `baseURL`. */
  readonly url: string;
  readonly port: number;
  readonly region: string;
  /** Stops listening, ends every connection and pending delay. */
  close(): Promise<void>;
  readonly keys: EmulatorKeys;
  /** Every request so far, in the order their responses ended. */
  audit(): AuditEntry[];
  clearAudit(): void;
  /** Queues exact replies for a model (canonical or profile id) or `"*"`, consumed in order. */
  script(modelId: string, responses: ScriptedResponse[]): void;
  readonly faults: { set(config: FaultConfig): void; clear(): void };
  readonly quotas: { set(config: QuotaConfig): void };
}
