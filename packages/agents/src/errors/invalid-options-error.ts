import { AgentsError } from "./agents-error.js";

const brand = Symbol.for("@bedrock-keys/agents/InvalidOptionsError");

/**
 * Thrown when options given to an `Agent`, `RolePlaying`, `Workforce` or `Simulation` are invalid.
 *
 * @example
 * ```ts
 * if (InvalidOptionsError.isInstance(error)) console.error(error.message);
 * ```
 */
export class InvalidOptionsError extends AgentsError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("INVALID_OPTIONS", message, options);
    this.name = "InvalidOptionsError";
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is InvalidOptionsError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
