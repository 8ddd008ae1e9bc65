import { scrubKeyMaterial } from "@bedrock-keys/credentials";
import { AgentsError } from "../errors/agents-error.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import { RunEmitter } from "../events/run-emitter.js";
import type { RunLimits } from "../limits/budget.js";
import { RunContext, type RunOptions } from "./run-context.js";
import type { RunResult } from "./run-result.js";
import { validateRunOptions } from "./validate-options.js";

/**
 * The shared skeleton of every orchestrator: it is the run's event emitter, creates the {@link RunContext},
 * emits `run-start` / `run-end`, and turns limits into `{ status: "stopped", reason, partialResult }` and
 * unexpected errors into `{ status: "failed" }` instead of throwing.
 *
 * @example
 * ```ts
 * class Echo extends Orchestrator { run() { return this.execute("echo", {}, async () => "done", () => ""); } }
 * ```
 */
export abstract class Orchestrator extends RunEmitter {
  protected readonly runOptions: RunOptions;

  constructor(runOptions: RunOptions) {
    super();
    validateRunOptions(runOptions as RunOptions & Record<string, unknown>);
    this.runOptions = runOptions;
  }

  protected async execute<TResult, TPartial>(
    kind: string,
    defaults: RunLimits,
    body: (context: RunContext) => Promise<TResult>,
    partial: () => TPartial,
  ): Promise<RunResult<TResult, TPartial>> {
    const context = new RunContext(this, this.runOptions, defaults);
    const detach = this.runOptions.transcript?.attach(this);
    context.emit("run-start", { kind });
    let outcome: RunResult<TResult, TPartial>;
    try {
      const result = await body(context);
      outcome = { runId: context.runId, status: "completed", result, usage: context.ledger.report() };
    } catch (error) {
      if (RunStoppedError.isInstance(error)) {
        outcome = {
          runId: context.runId,
          status: "stopped",
          reason: error.reason,
          partialResult: partial(),
          usage: context.ledger.report(),
        };
      } else {
        const summary = summarizeError(error);
        context.emit("error", { error: summary });
        outcome = {
          runId: context.runId,
          status: "failed",
          error: summary,
          partialResult: partial(),
          usage: context.ledger.report(),
        };
      }
    }
    context.emit("run-end", {
      status: outcome.status,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      usage: outcome.usage.run,
    });
    detach?.();
    return outcome;
  }
}

/**
 * Name, code and message of an error, for events and results. Messages pass through `scrubKeyMaterial`, so
 * even a key echoed by some other layer's error never reaches an event, a transcript or a result.
 *
 * @example
 * ```ts
 * summarizeError(new Error("rejected ABSK...")); // { name: "Error", message: "rejected ABSK…(3f2a9c1d)" }
 * ```
 */
export function summarizeError(error: unknown): { name: string; code?: string; message: string } {
  if (error instanceof Error) {
    const code = AgentsError.isInstance(error) ? error.code : (error as { code?: unknown }).code;
    return {
      name: error.name,
      ...(typeof code === "string" ? { code } : {}),
      message: scrubKeyMaterial(error.message),
    };
  }
  return { name: "Error", message: scrubKeyMaterial(String(error)) };
}
