import type { ToolCall } from "@langchain/core/messages/tool";
import type { RunContext } from "../run/run-context.js";

/** The agent fields a tool call needs. */
export interface ToolOwner {
  readonly name: string;
  readonly tenant: string;
  readonly tools: readonly { name: string; invoke(input: unknown): Promise<unknown> }[];
}

/**
 * Runs one tool call of an agent: the `beforeToolCall` hook (may cancel or rewrite), `tool-start` / `tool-end`
 * events, and errors turned into a tool result the model can read instead of a crash.
 *
 * @example
 * ```ts
 * const output = await runToolCall(context, agent, { name: "quote", args: { symbol: "AAPL" }, id: "1" });
 * ```
 */
export async function runToolCall(context: RunContext, owner: ToolOwner, call: ToolCall): Promise<string> {
  let input: unknown = call.args;
  const decision = await context.hooks.beforeToolCall?.({
    runId: context.runId,
    agent: owner.name,
    tenant: owner.tenant,
    tool: call.name,
    input,
  });
  if (decision && "cancel" in decision) {
    const output = decision.result ?? `Tool call ${call.name} was cancelled.`;
    context.emit("tool-end", {
      agent: owner.name,
      tenant: owner.tenant,
      tool: call.name,
      output,
      error: "cancelled",
    });
    return output;
  }
  if (decision && "input" in decision) input = decision.input;
  context.emit("tool-start", { agent: owner.name, tenant: owner.tenant, tool: call.name, input });
  const tool = owner.tools.find((candidate) => candidate.name === call.name);
  try {
    if (!tool) throw new Error(`Unknown tool "${call.name}".`);
    const result = await tool.invoke(input);
    const output = typeof result === "string" ? result : JSON.stringify(result);
    context.emit("tool-end", { agent: owner.name, tenant: owner.tenant, tool: call.name, output });
    return output;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const output = `Error: ${message}`;
    context.emit("tool-end", {
      agent: owner.name,
      tenant: owner.tenant,
      tool: call.name,
      output,
      error: message,
    });
    return output;
  }
}
