import { AgentsError } from "./agents-error.js";

const brand = Symbol.for("@bedrock-keys/agents/CassetteMissError");

/**
 * Thrown in replay mode when the cassette has no recorded response for a request. The message names the agent,
 * its sequence number and the request hash, plus a short preview of the last message, so the drift is findable.
 *
 * @example
 * ```ts
 * if (CassetteMissError.isInstance(error)) console.error(error.agent, error.requestHash);
 * ```
 */
export class CassetteMissError extends AgentsError {
  readonly agent: string;
  readonly sequence: number;
  readonly requestHash: string;

  constructor(details: { agent: string; sequence: number; requestHash: string; preview: string }) {
    super(
      "CASSETTE_MISS",
      `Cassette miss: agent "${details.agent}" request #${details.sequence} (hash ${details.requestHash}, ` +
        `last message "${details.preview}") was not recorded. Re-record the cassette or restore the request.`,
    );
    this.name = "CassetteMissError";
    this.agent = details.agent;
    this.sequence = details.sequence;
    this.requestHash = details.requestHash;
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is CassetteMissError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
