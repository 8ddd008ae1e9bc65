import type { BaseMessage } from "@langchain/core/messages";

/** What `beforeModelCall` sees. */
export interface ModelCallContext {
  runId: string;
  agent: string;
  tenant: string;
  modelId: string;
  taskId?: string;
  messages: readonly BaseMessage[];
}

/** Return nothing to proceed, `{ messages }` to rewrite the request, or `{ cancel: true }` to stop the run. */
export type ModelCallDecision = undefined | { cancel: true; reason?: string } | { messages: BaseMessage[] };

/** What `beforeToolCall` sees. */
export interface ToolCallContext {
  runId: string;
  agent: string;
  tenant: string;
  tool: string;
  input: unknown;
}

/** Return nothing to proceed, `{ input }` to rewrite the arguments, or `{ cancel: true, result? }` to skip it. */
export type ToolCallDecision = undefined | { cancel: true; result?: string } | { input: unknown };

/**
 * Hooks run before every model call and tool call of a run; each may cancel or rewrite.
 *
 * @example
 * ```ts
 * const hooks: RunHooks = {
 *   beforeToolCall: ({ tool }) => (tool === "delete_everything" ? { cancel: true, result: "denied" } : undefined),
 * };
 * ```
 */
export interface RunHooks {
  beforeModelCall?: (context: ModelCallContext) => ModelCallDecision | Promise<ModelCallDecision>;
  beforeToolCall?: (context: ToolCallContext) => ToolCallDecision | Promise<ToolCallDecision>;
}
