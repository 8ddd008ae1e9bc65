import { EmulatorError } from "./emulator-error.js";

const brand = Symbol.for("@bedrock-keys/emulator/EmulatorOptionsError");

/**
 * Thrown by `startEmulator` and the control surfaces when an option is invalid (say, a negative port or a quota of
 * zero). The message names the option and what was expected.
 *
 * @example
 * ```ts
 * await startEmulator({ latency: { tokensPerSecond: -1 } }); // throws EmulatorOptionsError
 * ```
 */
export class EmulatorOptionsError extends EmulatorError {
  /** The option paths that failed, e.g. `["latency.tokensPerSecond"]`. */
  readonly paths: string[];

  constructor(message: string, paths: string[], options?: { cause?: unknown }) {
    super("EMULATOR_INVALID_OPTIONS", message, options);
    this.name = "EmulatorOptionsError";
    this.paths = paths;
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is EmulatorOptionsError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
