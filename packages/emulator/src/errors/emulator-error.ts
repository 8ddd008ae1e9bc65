const brand = Symbol.for("@bedrock-keys/emulator/EmulatorError");

/**
 * Base class of every error the emulator's own API throws (not the errors it sends over the wire, which are
 * responses). Carries a stable `code` and an optional `cause`.
 *
 * @example
 * ```ts
 * try { await startEmulator({ port: -1 }); } catch (error) {
 *   if (EmulatorError.isInstance(error)) console.log(error.code);
 * }
 * ```
 */
export class EmulatorError extends Error {
  /** Stable machine-readable code, e.g. `EMULATOR_INVALID_OPTIONS`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "EmulatorError";
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }

  /** True for any emulator error, even from another copy of this package (`instanceof` is not). */
  static isInstance(value: unknown): value is EmulatorError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
