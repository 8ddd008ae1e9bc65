import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Agent } from "../agent/agent.js";
import { messageText } from "../model/message-text.js";
import type { RunContext } from "../run/run-context.js";

/**
 * The coordinator's final answer, written from every subtask's result; emitted as a `message` event.
 *
 * @example
 * ```ts
 * const answer = await composeAnswer(context, coordinator, "Write a report", { research: { worker: "analyst", result: "..." } });
 * ```
 */
export async function composeAnswer(
  context: RunContext,
  coordinator: Agent,
  task: string,
  results: Record<string, { worker: string; result: string }>,
): Promise<string> {
  const sections = Object.entries(results)
    .map(([id, entry]) => `## ${id} (${entry.worker})\n${entry.result}`)
    .join("\n\n");
  const { message } = await coordinator.invokeModel(context, [
    new SystemMessage(coordinator.systemPrompt || "You are a coordinator composing a team's results."),
    new HumanMessage(`Task: ${task}\n\nSubtask results:\n${sections}\n\nWrite the final answer to the task.`),
  ]);
  const answer = messageText(message);
  context.emit("message", {
    agent: coordinator.name,
    tenant: coordinator.tenant,
    role: "assistant",
    content: answer,
  });
  return answer;
}
