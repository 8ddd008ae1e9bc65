const brand = Symbol.for("@bedrock-keys/agents/AgentsError");

/**
 * The base class of every error thrown by `@bedrock-keys/agents`. Each subclass has a stable string `code`.
 * Messages never contain key material.
 *
 * @example
 * ```ts
 * try { await run(); } catch (error) { if (AgentsError.isInstance(error)) console.log(error.code); }
 * ```
 */
export class AgentsError extends Error {
  /** A stable machine-readable code, e.g. `CASSETTE_MISS`. */
  readonly code: string;

  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AgentsError";
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }

  /** True for any `AgentsError`, even from a duplicate copy of this package. */
  static isInstance(value: unknown): value is AgentsError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
