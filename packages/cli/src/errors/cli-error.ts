import { ExitCode } from "../exit-codes.js";

const brand = Symbol.for("@bedrock-keys/cli/CliError");

/**
 * Base class of the errors the CLI raises itself (usage and input problems). Errors from the libraries keep
 * their own classes and codes; the CLI only maps them to exit codes.
 *
 * @example
 * ```ts
 * try { await runOnboard(options, io); } catch (error) { if (CliError.isInstance(error)) console.error(error.code); }
 * ```
 */
export class CliError extends Error {
  /** A stable, machine-readable code such as `INPUT_TOO_LARGE`. */
  readonly code: string;
  /** The process exit code this error ends the command with. */
  readonly exitCode: number;

  constructor(message: string, options: { code: string; exitCode?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.code = options.code;
    this.exitCode = options.exitCode ?? ExitCode.Unexpected;
    Object.defineProperty(this, brand, { value: true });
  }

  /** `instanceof` that also works across duplicate copies of this package. */
  static isInstance(value: unknown): value is CliError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
