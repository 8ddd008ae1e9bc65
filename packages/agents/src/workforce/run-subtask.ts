import type { Agent, AgentReply } from "../agent/agent.js";
import type { RunContext } from "../run/run-context.js";
import type { Subtask } from "./plan-schema.js";

/**
 * One worker's attempt at one subtask, statelessly (parallel subtasks on one worker never share memory). An
 * empty reply counts as a failure.
 *
 * @example
 * ```ts
 * const reply = await runSubtask(context, worker, "Write a report", subtask, { research: "..." });
 * ```
 */
export async function runSubtask(
  context: RunContext,
  worker: Agent,
  task: string,
  subtask: Subtask,
  dependencies: Record<string, string>,
): Promise<AgentReply> {
  const inputs = Object.entries(dependencies)
    .map(([id, result]) => `Result of "${id}":\n${result}`)
    .join("\n\n");
  const prompt = [
    `Overall task: ${task}`,
    `Your subtask (${subtask.id}): ${subtask.description}`,
    inputs ? `Inputs from earlier subtasks:\n${inputs}` : "",
    "Reply with the result of your subtask only.",
  ]
    .filter(Boolean)
    .join("\n\n");
  const reply = await worker.step(prompt, context, { taskId: subtask.id, stateless: true });
  if (!reply.content.trim())
    throw new Error(`Worker ${worker.name} returned an empty result for ${subtask.id}.`);
  return reply;
}
