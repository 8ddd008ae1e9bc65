const BRAND = Symbol.for("@bedrock-keys/langchain/ChatBedrockKeyError");

/** Stable codes of {@link ChatBedrockKeyError}. */
export type ChatBedrockKeyErrorCode =
  | "UNSUPPORTED_CONTENT"
  | "MEDIA_FETCH_FAILED"
  | "MEDIA_TOO_LARGE"
  | "INVALID_TOOL"
  | "INVALID_OPTIONS"
  | "EMPTY_RESPONSE"
  | "STRUCTURED_OUTPUT_FAILED";

/**
 * An error raised by `@bedrock-keys/langchain` itself (not by Bedrock): bad message content, an image URL that
 * cannot be inlined, an invalid tool, an invalid option. Never carries key material.
 *
 * @example
 * ```ts
 * try { await model.invoke(messages); } catch (error) {
 *   if (ChatBedrockKeyError.isInstance(error) && error.code === "MEDIA_TOO_LARGE") shrinkImages();
 * }
 * ```
 */
export class ChatBedrockKeyError extends Error {
  readonly code: ChatBedrockKeyErrorCode;
  readonly [BRAND] = true;

  constructor(code: ChatBedrockKeyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ChatBedrockKeyError";
    this.code = code;
  }

  /** True for any copy of this class, even from a duplicate install of the package. */
  static isInstance(value: unknown): value is ChatBedrockKeyError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
