import { ExitCode } from "../exit-codes.js";
import { CliError } from "./cli-error.js";

const brand = Symbol.for("@bedrock-keys/cli/CliInputError");

/**
 * The codes of {@link CliInputError}.
 *
 * @example
 * ```ts
 * const code: CliInputErrorCode = "INPUT_TOO_LARGE";
 * ```
 */
export type CliInputErrorCode = "INPUT_EMPTY" | "INPUT_TOO_LARGE" | "INPUT_NOT_UTF8" | "INPUT_CANCELLED";

/**
 * The text that should carry a key could not be read: nothing on stdin, far too much, or not UTF-8 (exit code 3,
 * like any other unusable key), or the prompt was cancelled (exit code 130). The message never quotes the input.
 *
 * @example
 * ```ts
 * throw new CliInputError("stdin is not valid UTF-8.", { code: "INPUT_NOT_UTF8" });
 * ```
 */
export class CliInputError extends CliError {
  declare readonly code: CliInputErrorCode;

  constructor(message: string, options: { code: CliInputErrorCode; cause?: unknown }) {
    super(message, {
      code: options.code,
      exitCode: options.code === "INPUT_CANCELLED" ? ExitCode.Interrupted : ExitCode.KeyFormat,
      cause: options.cause,
    });
    this.name = "CliInputError";
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is CliInputError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
