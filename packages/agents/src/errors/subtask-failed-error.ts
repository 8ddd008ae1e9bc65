import { AgentsError } from "./agents-error.js";

const brand = Symbol.for("@bedrock-keys/agents/SubtaskFailedError");

/**
 * A Workforce subtask failed on every worker (after retries) and no replan was left; the run ends `failed` with
 * the finished subtasks as its partial result.
 *
 * @example
 * ```ts
 * if (outcome.error?.code === "SUBTASK_FAILED") console.log(outcome.partialResult?.results);
 * ```
 */
export class SubtaskFailedError extends AgentsError {
  readonly taskId: string;

  constructor(taskId: string, message: string, options: { cause?: unknown } = {}) {
    super("SUBTASK_FAILED", message, options);
    this.name = "SubtaskFailedError";
    this.taskId = taskId;
    Object.defineProperty(this, brand, { value: true });
  }

  static override isInstance(value: unknown): value is SubtaskFailedError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
