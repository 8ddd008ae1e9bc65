const brand = Symbol.for("@bedrock-keys/bench.NotYetAvailableError");

/**
 * Thrown by a benchmark when the package API it measures does not exist yet; the harness turns it into
 * "not yet available" rows instead of an error, and never into a number.
 */
export class NotYetAvailableError extends Error {
  readonly code = "NOT_YET_AVAILABLE";
  readonly [brand] = true;

  constructor(what: string, options?: { cause?: unknown }) {
    super(`not yet available: ${what}`, options);
    this.name = "NotYetAvailableError";
  }

  static isInstance(value: unknown): value is NotYetAvailableError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
