import type { Agent } from "../agent/agent.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import { SubtaskFailedError } from "../errors/subtask-failed-error.js";
import { Orchestrator, summarizeError } from "../run/orchestrator.js";
import type { RunContext, RunOptions } from "../run/run-context.js";
import type { RunResult } from "../run/run-result.js";
import { writeSnapshot } from "../snapshot/snapshot-file.js";
import { assignWorker } from "./assign-worker.js";
import { composeAnswer } from "./compose-answer.js";
import type { Subtask } from "./plan-schema.js";
import { planTask } from "./plan-task.js";
import { runSubtask } from "./run-subtask.js";
import { loadWorkforceSnapshot, type WorkforceSnapshot } from "./workforce-snapshot.js";

/**
 * Options of a {@link Workforce}.
 *
 * @example
 * ```ts
 * const options: WorkforceOptions = { task: "Write a market report", coordinator, workers: [analyst, writer] };
 * ```
 */
export interface WorkforceOptions extends RunOptions {
  task: string;
  /** Plans, replans and composes the final answer. */
  coordinator: Agent;
  workers: Agent[];
  /** Subtasks in flight at once (default 4). */
  concurrency?: number;
  /** Retries of a failed subtask on the same worker before reassigning (default 3). */
  maxRetries?: number;
  /** Replans after a subtask failed on every worker (default 1). */
  maxReplans?: number;
  /** Where to save progress after each completed subtask (atomic write). */
  snapshotPath?: string;
  /** Resume from `snapshotPath` when it holds a snapshot of the same task (default true). */
  resume?: boolean;
  /** The most subtasks one plan may hold (default 24; at most 1,000). */
  maxSubtasks?: number;
  /** Use `withStructuredOutput` for the plan when the model has it (default true). */
  structuredOutput?: boolean;
}

/** What a Workforce produced (the partial result has no `finalAnswer` yet). */
export interface WorkforceResult {
  task: string;
  plan: Subtask[];
  results: Record<string, { worker: string; result: string }>;
  finalAnswer?: string;
  /** Subtasks skipped because a snapshot already had them. */
  resumed: string[];
}

interface TaskState {
  subtask: Subtask;
  status: "pending" | "running" | "done" | "failed";
  worker?: Agent;
  attempts: number;
  tried: Set<string>;
}

/**
 * A coordinator decomposes a task into subtasks with dependencies (zod-validated structured output), each is
 * assigned to the worker whose description fits, ready subtasks run in parallel up to `concurrency`, a failed
 * subtask is retried (3 times), then reassigned to another worker, then the remaining work is replanned; the
 * coordinator composes the final answer. With `snapshotPath`, a crashed run resumes without redoing finished
 * subtasks.
 *
 * @example
 * ```ts
 * const workforce = new Workforce({ task: "Write a market report", coordinator, workers, concurrency: 3 });
 * const outcome = await workforce.run();
 * console.log(outcome.result?.finalAnswer);
 * ```
 */
export class Workforce extends Orchestrator {
  readonly options: WorkforceOptions;
  private tasks = new Map<string, TaskState>();
  private results: WorkforceResult["results"] = {};
  private resumed: string[] = [];
  private replans = 0;

  constructor(options: WorkforceOptions) {
    super(options);
    if (options.workers.length === 0) throw new InvalidOptionsError("A Workforce needs at least one worker.");
    const names = new Set(options.workers.map((worker) => worker.name));
    if (names.size !== options.workers.length) throw new InvalidOptionsError("Worker names must be unique.");
    const maxSubtasks = options.maxSubtasks;
    if (
      maxSubtasks !== undefined &&
      (!Number.isInteger(maxSubtasks) || maxSubtasks < 1 || maxSubtasks > 1_000)
    )
      throw new InvalidOptionsError("maxSubtasks must be a whole number from 1 to 1,000.");
    this.options = options;
  }

  run(): Promise<RunResult<WorkforceResult>> {
    return this.execute(
      "workforce",
      { maxSteps: 1_000 },
      (context) => this.work(context),
      () => this.snapshotResult(),
    );
  }

  private async work(context: RunContext): Promise<WorkforceResult> {
    this.tasks = new Map();
    this.results = {};
    this.resumed = [];
    this.replans = 0;
    const saved = this.loadSnapshot();
    if (saved) {
      context.ledger.restore(saved.usage);
      context.budget.recordCall(saved.usage.run);
      this.results = saved.results;
      this.resumed = Object.keys(saved.results);
      this.replans = saved.replans;
      this.addSubtasks(context, saved.plan, true);
    } else {
      const plan = await planTask(context, this.options.coordinator, {
        task: this.options.task,
        workers: this.options.workers,
        useStructuredOutput: this.options.structuredOutput ?? true,
        ...(this.options.maxSubtasks === undefined ? {} : { maxSubtasks: this.options.maxSubtasks }),
      });
      this.addSubtasks(context, plan, false);
    }
    await this.schedule(context);
    return {
      ...this.snapshotResult(),
      finalAnswer: await composeAnswer(
        context,
        this.options.coordinator,
        this.options.task,
        this.orderedResults(),
      ),
    };
  }

  private addSubtasks(context: RunContext, subtasks: Subtask[], resuming: boolean): void {
    for (const subtask of subtasks) {
      const done = resuming && this.results[subtask.id] !== undefined;
      this.tasks.set(subtask.id, {
        subtask,
        status: done ? "done" : "pending",
        attempts: 0,
        tried: new Set(),
      });
      if (!done) {
        context.emit("task-created", {
          taskId: subtask.id,
          description: subtask.description,
          dependsOn: subtask.dependsOn,
        });
      }
    }
  }

  private async schedule(context: RunContext): Promise<void> {
    const running = new Map<string, Promise<void>>();
    const limit = Math.max(1, this.options.concurrency ?? 4);
    let stop: unknown;
    for (;;) {
      if (stop === undefined) {
        for (const state of this.ready()) {
          if (running.size >= limit) break;
          state.status = "running";
          const promise = this.attempt(context, state).then(
            () => void running.delete(state.subtask.id),
            (error: unknown) => {
              running.delete(state.subtask.id);
              stop ??= error;
            },
          );
          running.set(state.subtask.id, promise);
        }
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    if (stop !== undefined) throw stop;
    const unfinished = [...this.tasks.values()].filter((state) => state.status !== "done");
    if (unfinished.length > 0) {
      const first = unfinished[0]?.subtask.id ?? "";
      throw new SubtaskFailedError(
        first,
        `Subtasks ${unfinished.map((state) => state.subtask.id).join(", ")} never became ready.`,
      );
    }
  }

  private ready(): TaskState[] {
    return [...this.tasks.values()].filter(
      (state) =>
        state.status === "pending" &&
        state.subtask.dependsOn.every((id) => this.tasks.get(id)?.status === "done"),
    );
  }

  /** Runs a subtask until it succeeds, retrying, reassigning and replanning on failure. */
  private async attempt(context: RunContext, state: TaskState): Promise<void> {
    const maxRetries = this.options.maxRetries ?? 3;
    const taskId = state.subtask.id;
    for (;;) {
      if (!state.worker) {
        const worker = assignWorker(state.subtask, this.options.workers, state.tried);
        if (!worker) return this.replan(context, state);
        state.worker = worker;
        state.attempts = 0;
        state.tried.add(worker.name);
        context.emit("task-assigned", { taskId, agent: worker.name, tenant: worker.tenant });
      }
      const worker = state.worker;
      try {
        const dependencies = Object.fromEntries(
          state.subtask.dependsOn.map((id) => [id, this.results[id]?.result ?? ""]),
        );
        const reply = await runSubtask(context, worker, this.options.task, state.subtask, dependencies);
        state.status = "done";
        this.results[taskId] = { worker: worker.name, result: reply.content };
        context.emit("task-completed", {
          taskId,
          agent: worker.name,
          tenant: worker.tenant,
          result: reply.content,
          usage: reply.usage,
        });
        this.saveSnapshot(context);
        return;
      } catch (error) {
        if (RunStoppedError.isInstance(error)) throw error;
        state.attempts++;
        const message = summarizeError(error).message;
        context.emit("task-failed", {
          taskId,
          agent: worker.name,
          tenant: worker.tenant,
          attempt: state.attempts,
          error: message,
        });
        if (state.attempts <= maxRetries) {
          context.emit("task-retried", {
            taskId,
            agent: worker.name,
            tenant: worker.tenant,
            attempt: state.attempts,
          });
        } else {
          delete state.worker;
        }
      }
    }
  }

  private async replan(context: RunContext, failed: TaskState): Promise<void> {
    if (this.replans >= (this.options.maxReplans ?? 1)) {
      failed.status = "failed";
      throw new SubtaskFailedError(
        failed.subtask.id,
        `Subtask "${failed.subtask.id}" failed on every worker and no replan is left; see the task-failed events.`,
      );
    }
    this.replans++;
    const done = [...this.tasks.values()].filter((state) => state.status === "done");
    const progress = [
      ...done.map((state) => `- done ${state.subtask.id}: ${state.subtask.description}`),
      `- FAILED on every worker: ${failed.subtask.description}`,
    ].join("\n");
    const plan = await planTask(context, this.options.coordinator, {
      task: this.options.task,
      workers: this.options.workers,
      progress,
      known: new Set(done.map((state) => state.subtask.id)),
      idPrefix: `r${this.replans}-`,
      useStructuredOutput: this.options.structuredOutput ?? true,
      ...(this.options.maxSubtasks === undefined ? {} : { maxSubtasks: this.options.maxSubtasks }),
    });
    for (const [id, state] of this.tasks)
      if (state.status === "pending" || state === failed) this.tasks.delete(id);
    this.addSubtasks(context, plan, false);
  }

  /** Results in plan order (not completion order), so prompts built from them are deterministic. */
  private orderedResults(): WorkforceResult["results"] {
    const ordered: WorkforceResult["results"] = {};
    for (const id of this.tasks.keys()) {
      const entry = this.results[id];
      if (entry) ordered[id] = entry;
    }
    for (const [id, entry] of Object.entries(this.results)) ordered[id] ??= entry;
    return ordered;
  }

  private snapshotResult(): WorkforceResult {
    return {
      task: this.options.task,
      plan: [...this.tasks.values()].map((state) => state.subtask),
      results: structuredClone(this.orderedResults()),
      resumed: [...this.resumed],
    };
  }

  private loadSnapshot(): WorkforceSnapshot | undefined {
    const path = this.options.snapshotPath;
    if (!path || this.options.resume === false) return undefined;
    return loadWorkforceSnapshot(path, this.options.task);
  }

  private saveSnapshot(context: RunContext): void {
    if (!this.options.snapshotPath) return;
    const snapshot: WorkforceSnapshot = {
      version: 1,
      task: this.options.task,
      plan: [...this.tasks.values()].map((state) => state.subtask),
      results: this.results,
      replans: this.replans,
      usage: context.ledger.report(),
    };
    writeSnapshot(this.options.snapshotPath, snapshot);
  }
}
