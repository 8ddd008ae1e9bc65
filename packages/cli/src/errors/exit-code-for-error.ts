import { ExitCode } from "../exit-codes.js";
import { CliError } from "./cli-error.js";

/**
 * Maps any error to the documented exit code: the CLI's own errors carry theirs; the libraries' typed errors
 * are recognised by class name (stable across duplicate package copies); everything else is unexpected.
 *
 * @example
 * ```ts
 * process.exitCode = exitCodeForError(error);
 * ```
 */
export function exitCodeForError(error: unknown): number {
  if (CliError.isInstance(error)) return error.exitCode;
  if (typeof error !== "object" || error === null) return ExitCode.Unexpected;
  const name = (error as { name?: unknown }).name;
  if (typeof name !== "string") return ExitCode.Unexpected;
  if (name === "AbortError") return ExitCode.Interrupted;
  if (KEY_FORMAT_ERRORS.has(name)) return ExitCode.KeyFormat;
  if (KEY_REJECTED_ERRORS.has(name)) return ExitCode.KeyRejected;
  if (STORE_ERRORS.has(name) || /Store|MasterKey/.test(name)) return ExitCode.Store;
  return ExitCode.Unexpected;
}

const KEY_FORMAT_ERRORS = new Set([
  "BedrockKeyFormatError",
  "RegionMismatchError",
  "MissingRegionError",
  "MissingApiKeyError",
  "KeyExpiredError",
]);

const KEY_REJECTED_ERRORS = new Set(["BedrockKeyRejectedError", "OnboardingVerificationError"]);

const STORE_ERRORS = new Set(["KeyStoreError", "TenantNotFoundError", "MasterKeyError"]);
