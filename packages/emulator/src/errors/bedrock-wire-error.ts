/** The error shapes Bedrock Runtime sends, by name, with their HTTP status. */
export const WIRE_ERROR_STATUS = {
  ValidationException: 400,
  SerializationException: 400,
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  MissingAuthenticationTokenException: 403,
  ResourceNotFoundException: 404,
  UnsupportedMediaTypeException: 415,
  UnknownOperationException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
} as const;

const brand = Symbol.for("@bedrock-keys/emulator/BedrockWireError");

/** An error name Bedrock sends in `x-amzn-ErrorType`. */
export type WireErrorType = keyof typeof WIRE_ERROR_STATUS;

/**
 * An error to send to the client exactly as Bedrock would: status, `x-amzn-ErrorType` and `{"message"}`. Thrown
 * inside the request pipeline and turned into a response at its edge; it never leaves the server.
 *
 * @example
 * ```ts
 * throw new BedrockWireError("ValidationException", "The provided model identifier is invalid.");
 * ```
 */
export class BedrockWireError extends Error {
  readonly code: string;
  readonly status: number;
  readonly errorType: WireErrorType;

  constructor(errorType: WireErrorType, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, brand, { value: true });
    this.name = "BedrockWireError";
    this.code = errorType;
    this.errorType = errorType;
    this.status = options?.status ?? WIRE_ERROR_STATUS[errorType];
  }

  /** The `x-amzn-ErrorType` header value, in the coral form Bedrock uses. */
  get headerValue(): string {
    return `${this.errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`;
  }

  static isInstance(value: unknown): value is BedrockWireError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
