export type { AuditEntry, Operation } from "./audit/audit-log.js";
export { keyFingerprint } from "./auth/fingerprint.js";
export type { IamCredentials } from "./auth/iam-credential-registry.js";
export type { IssueLongTermKeyOptions, LongTermKeyStatus } from "./auth/long-term-key-registry.js";
export type { Emulator, EmulatorKeys } from "./emulator.js";
export type { EmulatorOptions } from "./emulator-options.js";
export { EmulatorError } from "./errors/emulator-error.js";
export { EmulatorOptionsError } from "./errors/emulator-options-error.js";
export { UnknownKeyError } from "./errors/unknown-key-error.js";
export type { FaultConfig, FaultKind } from "./faults/fault-injector.js";
export type { FoundationModelSummary } from "./model/catalog.js";
export { DEFAULT_MODELS, resolveModelId } from "./model/catalog.js";
export type {
  ContentBlock,
  Message,
  ModelInfo,
  ModelOutput,
  ModelRequest,
  StopReason,
  SystemBlock,
  ToolChoice,
  ToolSpec,
  Usage,
} from "./model/types.js";
export type { QuotaConfig } from "./quotas/quota-limiter.js";
export { type CliOutput, runEmulatorCli } from "./run-emulator-cli.js";
export type { ScriptedResponse } from "./script/scripted-response.js";
export { startEmulator } from "./start-emulator.js";
