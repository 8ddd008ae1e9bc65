const BRAND = Symbol.for("@bedrock-keys/emulator.ModelInputError");

/**
 * A request body the simulated model cannot accept. The HTTP layer answers it as a 400 `ValidationException`
 * whose body is `{ "message": error.message }`, so the message is worded like Bedrock's.
 *
 * @example
 * ```ts
 * try { fromAnthropicMessagesBody({}, modelId); } catch (error) {
 *   if (ModelInputError.isInstance(error)) console.log(error.code, error.message);
 * }
 * ```
 */
export class ModelInputError extends Error {
  /** Stable code for programs; the HTTP status is always 400 ValidationException. */
  readonly code = "MODEL_INPUT_INVALID" as const;
  readonly [BRAND] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ModelInputError";
  }

  /** True for a ModelInputError from any copy of this package (`instanceof` fails across duplicate copies). */
  static isInstance(value: unknown): value is ModelInputError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
