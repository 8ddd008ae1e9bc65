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
  if (KEY_REJECTED_ERRORS.has(name)) {
    // Onboarding that could not reach Bedrock at all proved nothing about the key.
    return (error as { reason?: unknown }).reason === "UNVERIFIED"
      ? ExitCode.Unexpected
      : ExitCode.KeyRejected;
  }
  if (STORE_ERRORS.has(name)) return ExitCode.Store;
  if (CREDENTIALS_ERRORS.has(name)) return ExitCode.Credentials;
  if (USAGE_ERRORS.has(name)) return ExitCode.Usage;
  return ExitCode.Unexpected;
}

// Brands of @bedrock-keys/credentials errors (their `name`); matching by name keeps this working across duplicate
// package copies, exactly like their own `isInstance()`.
const KEY_FORMAT_ERRORS = new Set([
  "BedrockKeyFormatError",
  "RegionMismatchError",
  "MissingRegionError",
  "MissingApiKeyError",
  "StoredKeyExpiredError",
]);

const KEY_REJECTED_ERRORS = new Set(["BedrockKeyRejectedError", "OnboardingVerificationError"]);

const STORE_ERRORS = new Set([
  "KeyNotFoundError",
  "KeyRotationError",
  "KeyStoreConflictError",
  "KeyStoreInputError",
  "MasterKeyError",
  "MasterKeyMismatchError",
  "SealedSecretError",
  "SqliteError",
]);

const CREDENTIALS_ERRORS = new Set(["CredentialsUnavailableError", "CredentialsExpiredError"]);

const USAGE_ERRORS = new Set(["InvalidOptionsError", "EmulatorOptionsError"]);
