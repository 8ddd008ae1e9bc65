import { CliError } from "../errors/cli-error.js";
import { exitCodeForError } from "../errors/exit-code-for-error.js";
import type { RunStats } from "./run-stats.js";

/**
 * The error a command ends with when a run failed: the run's own error code and message (already free of key
 * material), with the exit code its error class maps to (e.g. 4 for a rejected key, 5 for a missing tenant key).
 *
 * @example
 * ```ts
 * if (stats.status === "failed") throw runFailedError(stats);
 * ```
 */
export function runFailedError(stats: RunStats): CliError {
  const cause = stats.error;
  return new CliError(`The ${stats.name} failed: ${cause?.message ?? "unknown error"}`, {
    code: cause?.code ?? cause?.name ?? "RUN_FAILED",
    exitCode: cause === undefined ? 1 : exitCodeForError(cause),
  });
}
