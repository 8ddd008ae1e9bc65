import { AgentsError } from "./agents-error.js";

const brand = Symbol.for("@bedrock-keys/agents/RunStoppedError");

/** Why a run stopped before finishing its work. */
export type StopReason =
  | "max-turns"
  | "max-steps"
  | "deadline"
  | "max-tokens"
  | "max-cost"
  | "loop"
  | "role-flip"
  | "echo"
  | "cancelled"
  | "aborted";

/**
 * Raised inside a run when a limit is reached; orchestrators catch it and return
 * `{ status: "stopped", reason, partialResult }` instead of throwing, so users rarely see it.
 *
 * @example
 * ```ts
 * if (RunStoppedError.isInstance(error)) console.log(error.reason); // "max-cost"
 * ```
 */
export class RunStoppedError extends AgentsError {
  readonly reason: StopReason;

  constructor(reason: StopReason, detail?: string, options: { cause?: unknown } = {}) {
    super("RUN_STOPPED", `Run stopped: ${reason}${detail ? ` (${detail})` : ""}.`, options);
    this.name = "RunStoppedError";
    this.reason = reason;
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is RunStoppedError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
