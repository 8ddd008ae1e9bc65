import { HttpError } from "./http-error.js";

/**
 * What the page shows for a refused key: a stable code, the diagnosis, and what to do. Never the pasted text.
 *
 * @example
 * ```ts
 * const view: ErrorView = { code: "AWS_ACCESS_KEY_ID", kind: "format", message: "This is an AWS access key ID…" };
 * ```
 */
export interface ErrorView {
  code: string;
  /** `format` (the paste is not a usable key), `rejected` (Bedrock refused it), `store`, `request` or `internal`. */
  kind: "format" | "rejected" | "store" | "request" | "internal";
  message: string;
  remediation?: string;
}

const FORMAT = new Set(["BedrockKeyFormatError", "RegionMismatchError", "MissingRegionError"]);
const STORE = new Set(["KeyStoreConflictError", "KeyStoreInputError"]);

/**
 * Maps an error to the HTTP status and {@link ErrorView} the server answers with. The typed errors of
 * `@bedrock-keys/credentials` are recognised by their brand name (what their `isInstance()` checks), and their
 * messages are shown as written: they are designed for the person who pasted the key and contain no key
 * material. Anything else becomes a generic 500 whose message reveals nothing.
 *
 * @example
 * ```ts
 * const { status, view } = toErrorView(error);
 * ```
 */
export function toErrorView(error: unknown): { status: number; view: ErrorView } {
  if (error instanceof HttpError) {
    return { status: error.status, view: { code: error.code, kind: "request", message: error.message } };
  }
  const record = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    reason?: unknown;
    remediation?: unknown;
  };
  const name = typeof record.name === "string" ? record.name : "";
  const message = typeof record.message === "string" ? record.message : "";
  if (FORMAT.has(name) && typeof record.code === "string") {
    return { status: 422, view: { code: record.code, kind: "format", message } };
  }
  if (
    (name === "BedrockKeyRejectedError" || name === "OnboardingVerificationError") &&
    typeof record.reason === "string"
  ) {
    const view: ErrorView = { code: record.reason, kind: "rejected", message };
    if (typeof record.remediation === "string") view.remediation = record.remediation;
    // UNVERIFIED: Bedrock could not be asked at all, so nothing is known about the key (a gateway problem).
    return { status: record.reason === "UNVERIFIED" ? 502 : 422, view };
  }
  if (STORE.has(name) && typeof record.code === "string") {
    return { status: 409, view: { code: record.code, kind: "store", message } };
  }
  return {
    status: 500,
    view: {
      code: "INTERNAL",
      kind: "internal",
      message: "The key could not be checked because of a server error. Nothing was stored; try again later.",
    },
  };
}
