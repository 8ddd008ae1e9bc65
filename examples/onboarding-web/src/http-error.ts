/**
 * A request the server refuses, with the HTTP status and a stable code the page can show. The message never
 * contains request content.
 *
 * @example
 * ```ts
 * throw new HttpError(413, "BODY_TOO_LARGE", "The request body is larger than 16384 bytes.");
 * ```
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
  }
}
