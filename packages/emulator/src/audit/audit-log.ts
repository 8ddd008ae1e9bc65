/** An operation the emulator serves. */
export type Operation =
  | "Converse"
  | "ConverseStream"
  | "InvokeModel"
  | "InvokeModelWithResponseStream"
  | "CountTokens"
  | "ListFoundationModels";

/**
 * One served request. Never contains key material: the key appears only as its fingerprint (first 8 hex of the
 * SHA-256 of the whole key, as `@bedrock-keys/credentials` computes it).
 */
export interface AuditEntry {
  /** ISO time of arrival, on the emulator's clock (`now` option). */
  time: string;
  /** The `x-amzn-RequestId` sent back. */
  requestId: string;
  /** Undefined when the path matched no operation. */
  operation?: Operation;
  /** Canonical model id after resolving profiles and ARNs (or the raw id if it did not resolve). */
  modelId?: string;
  /** The model id as the client sent it, percent-decoded (e.g. `us.anthropic…` or an ARN). */
  requestedModelId?: string;
  fingerprint?: string;
  keyKind?: "long-term" | "short-term";
  status: number;
  /** Bedrock's error name, e.g. `ThrottlingException`; for a mid-stream exception, its `:exception-type`. */
  errorType?: string;
  /**
   * Tokens as reported to the client: zero for errors, and for a stream cut by an exception (which replaces its
   * usage report), so client-side usage totals reconcile with the audit.
   */
  inputTokens: number;
  outputTokens: number;
  httpVersion: "1.1" | "2.0";
  /** From the SDK's `amz-sdk-request: attempt=N; max=M` header. */
  attempt?: number;
  /** Wall-clock ms (fractional) when the request arrived and when its response ended, for overlap checks. */
  startedAt: number;
  endedAt: number;
  /** A fault injected into this request, if any. */
  fault?: string;
  /** Whether a scripted response answered it. */
  scripted?: boolean;
}

/**
 * The in-memory, ordered record of every request. Bounded (oldest entries dropped beyond `limit`) so a long
 * benchmark cannot exhaust memory.
 *
 * @example
 * ```ts
 * const log = new AuditLog();
 * log.record(entry);
 * log.entries().length // => 1
 * ```
 */
export class AuditLog {
  #entries: AuditEntry[] = [];
  readonly #limit: number;

  constructor(limit = 200_000) {
    this.#limit = limit;
  }

  record(entry: AuditEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit * 1.25) this.#entries = this.#entries.slice(-this.#limit);
  }

  /** A copy of the entries, in arrival order of completion. */
  entries(): AuditEntry[] {
    return this.#entries.length > this.#limit ? this.#entries.slice(-this.#limit) : [...this.#entries];
  }

  clear(): void {
    this.#entries = [];
  }
}
