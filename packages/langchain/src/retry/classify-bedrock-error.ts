/** How a failed Bedrock request should be handled. */
export type ErrorClass = "throttling" | "transient" | "fatal";

const THROTTLING = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "ModelNotReadyException",
  "ServiceQuotaExceededException",
]);
const TRANSIENT = new Set([
  "InternalServerException",
  "ServiceUnavailableException",
  "ModelTimeoutException",
  "ModelErrorException",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);
const NETWORK = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ERR_HTTP2_STREAM_ERROR",
  "ERR_HTTP2_ERROR",
  "ERR_HTTP2_GOAWAY_SESSION",
]);

/**
 * Classifies an error thrown by the Bedrock Runtime client: throttling (429, quota) and transient failures (5xx,
 * model timeouts, dropped connections) are worth retrying; validation, access denied (key rejections), not found
 * and aborts are not.
 *
 * @example
 * ```ts
 * classifyBedrockError(Object.assign(new Error("slow down"), { name: "ThrottlingException" })) // => "throttling"
 * ```
 */
export function classifyBedrockError(error: unknown): ErrorClass {
  if (typeof error !== "object" || error === null) return "fatal";
  const value = error as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
    $retryable?: { throttling?: boolean };
  };
  const name = typeof value.name === "string" ? value.name : "";
  if (name === "AbortError") return "fatal";
  if (THROTTLING.has(name) || value.$retryable?.throttling === true) return "throttling";
  if (TRANSIENT.has(name)) return "transient";
  const status = value.$metadata?.httpStatusCode;
  if (status === 429) return "throttling";
  if (status !== undefined && status >= 500) return "transient";
  if (typeof value.code === "string" && NETWORK.has(value.code)) return "transient";
  if (
    status === undefined &&
    /socket hang up|ECONNRESET|stream.*(closed|reset)/i.test(String((error as Error).message))
  ) {
    return "transient";
  }
  return "fatal";
}
