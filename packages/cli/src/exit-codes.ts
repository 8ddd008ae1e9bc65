/**
 * The process exit codes of `bedrock-keys`. Stable: scripts may branch on them.
 *
 * | code | meaning |
 * | --- | --- |
 * | 0 | success |
 * | 1 | unexpected error (a bug, or a network failure we could not classify) |
 * | 2 | usage error: unknown command or option, bad option value |
 * | 3 | the key (or the input carrying it) is malformed, expired or otherwise unusable offline |
 * | 4 | Bedrock (or the emulator) rejected the key when verifying it live |
 * | 5 | key store error: unreadable store, wrong master key, unknown tenant, conflicting keys |
 * | 6 | AWS credentials unavailable or expired (`mint`) |
 * | 7 | a run stopped early at a limit (`--timeout`, a token or cost budget) with partial results |
 * | 130 | interrupted (Ctrl-C) |
 *
 * @example
 * ```ts
 * import { ExitCode } from "@bedrock-keys/cli";
 * if (status === ExitCode.KeyRejected) console.error("ask the customer for another key");
 * ```
 */
export const ExitCode = {
  Ok: 0,
  Unexpected: 1,
  Usage: 2,
  KeyFormat: 3,
  KeyRejected: 4,
  Store: 5,
  Credentials: 6,
  Incomplete: 7,
  Interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
