const throttlingNames = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "ModelNotReadyException",
]);
const transientNames = new Set([
  "ServiceUnavailableException",
  "InternalServerException",
  "ModelTimeoutException",
  "ModelStreamErrorException",
  "ModelErrorException",
  // Over HTTP/2 the SDK reports a connection reset as TimeoutError ("http2 request did not get a response").
  "TimeoutError",
]);
const transientCodes = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "ERR_HTTP2_STREAM_ERROR",
]);

/** How the orchestrator treats a failed model call. */
export type ErrorClass = "throttling" | "transient" | "fatal";

/**
 * Classifies a model-call error by walking its `cause` chain: Bedrock throttling (429), transient server or
 * connection errors (5xx, resets), or fatal (validation, access denied, anything else).
 *
 * @example
 * ```ts
 * classifyError(Object.assign(new Error("slow down"), { name: "ThrottlingException" })); // "throttling"
 * ```
 */
export function classifyError(error: unknown): ErrorClass {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const value = current as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
    const name = typeof value.name === "string" ? value.name : "";
    const status = value.$metadata?.httpStatusCode;
    if (throttlingNames.has(name) || status === 429) return "throttling";
    if (transientNames.has(name) || (status !== undefined && status >= 500)) return "transient";
    if (typeof value.code === "string" && transientCodes.has(value.code)) return "transient";
    current = (current as { cause?: unknown }).cause;
  }
  return "fatal";
}
