import { EmulatorError } from "./emulator-error.js";

const brand = Symbol.for("@bedrock-keys/emulator/UnknownKeyError");

/**
 * Thrown by `emulator.keys.revoke` / `setStatus` when the key was never issued by this emulator. The message
 * carries only the key's fingerprint, never the key.
 *
 * @example
 * ```ts
 * emulator.keys.revoke("ABSKnot-issued-here"); // throws UnknownKeyError
 * ```
 */
export class UnknownKeyError extends EmulatorError {
  /** First 8 hex characters of the SHA-256 of the key. */
  readonly fingerprint: string;

  constructor(fingerprint: string) {
    super(
      "EMULATOR_UNKNOWN_KEY",
      `No long-term key with fingerprint ${fingerprint} was issued by this emulator; issue one with keys.issueLongTermKey().`,
    );
    this.name = "UnknownKeyError";
    this.fingerprint = fingerprint;
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is UnknownKeyError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
