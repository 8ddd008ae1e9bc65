import { type AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import type { Agent } from "../agent/agent.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import { messageText } from "../model/message-text.js";
import type { RunContext } from "../run/run-context.js";
import { extractJson } from "../util/extract-json.js";
import { DEFAULT_MAX_SUBTASKS, planSchema, type Subtask, validatePlan } from "./plan-schema.js";

/** Inputs of one planning (or replanning) call. */
export interface PlanRequest {
  task: string;
  workers: readonly Agent[];
  /** For replanning: what is done and what failed. */
  progress?: string;
  /** Ids already in use (completed subtasks) that new subtasks may depend on. */
  known?: ReadonlySet<string>;
  idPrefix?: string;
  useStructuredOutput?: boolean;
  /** The most subtasks a plan may hold (default 24). */
  maxSubtasks?: number;
}

/**
 * Asks the coordinator for a plan: structured output (`withStructuredOutput`, validated with zod) when the model
 * offers it, else JSON parsed from text; an unusable answer falls back to a single subtask (the whole task).
 *
 * @example
 * ```ts
 * const subtasks = await planTask(context, coordinator, { task: "Write a market report", workers });
 * ```
 */
export async function planTask(
  context: RunContext,
  coordinator: Agent,
  request: PlanRequest,
): Promise<Subtask[]> {
  const messages = [
    new SystemMessage(coordinator.systemPrompt || plannerSystem),
    new HumanMessage(planPrompt(request)),
  ];
  const maxSubtasks = request.maxSubtasks ?? DEFAULT_MAX_SUBTASKS;
  const runnable =
    request.useStructuredOutput === false ? undefined : structuredRunnable(coordinator, maxSubtasks);
  let message: AIMessage | undefined;
  if (runnable) {
    try {
      message = (await coordinator.invokeModel(context, messages, { runnable, tools: ["plan"] })).message;
    } catch (error) {
      if (RunStoppedError.isInstance(error)) throw error;
    }
  }
  message ??= (await coordinator.invokeModel(context, messages)).message;
  const known = request.known ?? new Set<string>();
  const fromTool = message.tool_calls?.[0]?.args;
  const plan =
    validatePlan(fromTool, known, maxSubtasks) ??
    validatePlan(extractJson(messageText(message)), known, maxSubtasks);
  const prefix = request.idPrefix ?? "";
  if (!plan) return [{ id: `${prefix}task`, description: request.task, dependsOn: [] }];
  const own = new Set(plan.map((subtask) => subtask.id));
  return plan.map((subtask) => ({
    ...subtask,
    id: `${prefix}${subtask.id}`,
    dependsOn: subtask.dependsOn.map((id) => (own.has(id) ? `${prefix}${id}` : id)),
  }));
}

const plannerSystem =
  "You are a coordinator. You decompose tasks into a small number of subtasks for a team of workers.";

function planPrompt(request: PlanRequest): string {
  const team = request.workers
    .map((worker) => `- ${worker.name}: ${worker.description || worker.role}`)
    .join("\n");
  return [
    `Task: ${request.task}`,
    `Workers:\n${team}`,
    request.progress ? `Progress so far:\n${request.progress}\nPlan only the remaining work.` : "",
    `Decompose the task into 1-8 self-contained subtasks. Subtasks without dependencies run in parallel.`,
    `Reply with JSON only: {"subtasks":[{"id":"short-id","description":"...","dependsOn":["other-id"],"worker":"worker name"}]}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function structuredRunnable(coordinator: Agent, maxSubtasks: number): Runnable | undefined {
  const model = coordinator.model;
  if (typeof model.withStructuredOutput !== "function" || typeof model.bindTools !== "function")
    return undefined;
  try {
    return model.withStructuredOutput(planSchema(maxSubtasks), {
      name: "plan",
      includeRaw: true,
    }) as Runnable;
  } catch {
    return undefined;
  }
}
