import { CliError } from "../errors/cli-error.js";
import { exitCodeForError } from "../errors/exit-code-for-error.js";
import { ExitCode } from "../exit-codes.js";
import type { RunStats } from "./run-stats.js";

// Limits that cut a run short of what was asked (a role-play ending at its turn limit or on a guard is normal).
const INCOMPLETE = new Set(["deadline", "max-steps", "max-tokens", "max-cost"]);

/**
 * The error a command ends with when one of its runs did not finish normally, or `undefined` when all did:
 * a failed run exits with its own error's code (4 for a rejected key, 5 for a tenant without a key, …), a run cut
 * short by `--timeout` or a budget exits 7, an interrupted one 130. Messages come from the run's summarized
 * error, which never holds key material.
 *
 * @example
 * ```ts
 * const error = runOutcomeError([rolePlay, simulation]);
 * if (error !== undefined) throw error;
 * ```
 */
export function runOutcomeError(runs: readonly RunStats[]): CliError | undefined {
  const failed = runs.find((run) => run.status === "failed");
  if (failed !== undefined) {
    const cause = failed.error;
    return new CliError(`The ${failed.name} failed: ${cause?.message ?? "unknown error"}`, {
      code: cause?.code ?? cause?.name ?? "RUN_FAILED",
      exitCode: cause === undefined ? ExitCode.Unexpected : exitCodeForError(cause),
    });
  }
  const interrupted = runs.find((run) => run.reason === "aborted" || run.reason === "cancelled");
  if (interrupted !== undefined) {
    return new CliError(`The ${interrupted.name} was interrupted; partial results are shown above.`, {
      code: "INTERRUPTED",
      exitCode: ExitCode.Interrupted,
    });
  }
  const incomplete = runs.find((run) => run.reason !== undefined && INCOMPLETE.has(run.reason));
  if (incomplete !== undefined) {
    return new CliError(
      `The ${incomplete.name} stopped early at its ${incomplete.reason} limit; partial results are shown above.`,
      { code: "RUN_INCOMPLETE", exitCode: ExitCode.Incomplete },
    );
  }
  return undefined;
}
