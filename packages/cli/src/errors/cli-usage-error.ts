import { ExitCode } from "../exit-codes.js";
import { CliError } from "./cli-error.js";

const brand = Symbol.for("@bedrock-keys/cli/CliUsageError");

/**
 * A bad command line: a missing or invalid option value. Exit code 2.
 *
 * @example
 * ```ts
 * throw new CliUsageError("--agents must be a whole number between 1 and 1000.", { code: "INVALID_OPTION" });
 * ```
 */
export class CliUsageError extends CliError {
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? "USAGE", exitCode: ExitCode.Usage, cause: options.cause });
    this.name = "CliUsageError";
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is CliUsageError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
