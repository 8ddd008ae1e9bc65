import type { Tool, ToolChoice } from "@aws-sdk/client-bedrock-runtime";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import type { ToolChoiceKind } from "../model/model-capabilities.js";

/** What {@link convertToolChoice} decided. */
export interface ToolChoiceDecision {
  /** The Converse tool choice, or undefined to let the model decide (`auto`). */
  toolChoice: ToolChoice | undefined;
  /** `none` was asked: send no tools unless the history needs them. */
  disableTools: boolean;
  /** Set when the model cannot take the asked choice and it was dropped. */
  warning?: string;
}

/**
 * Maps a LangChain `tool_choice` (`auto`, `any`, `required`, `none`, a tool name, `{ type: "function", function:
 * { name } }`, `{ type: "tool", name }`, or a Converse `{ auto | any | tool }` object) to Converse. A model that
 * cannot take the choice degrades to `auto` with a warning instead of throwing.
 *
 * @example
 * ```ts
 * convertToolChoice("required", tools, ["auto", "any", "tool"]).toolChoice // => { any: {} }
 * ```
 */
export function convertToolChoice(
  choice: unknown,
  tools: readonly Tool[],
  supported: readonly ToolChoiceKind[],
  modelId: string,
): ToolChoiceDecision {
  if (choice === undefined || choice === null) return { toolChoice: undefined, disableTools: false };
  if (choice === "none") return { toolChoice: undefined, disableTools: true };
  const toolChoice = toConverse(choice, tools);
  const kind = Object.keys(toolChoice)[0] as ToolChoiceKind;
  if (kind === "auto" || supported.includes(kind)) {
    return { toolChoice: kind === "auto" ? { auto: {} } : toolChoice, disableTools: false };
  }
  if (
    kind === "tool" &&
    supported.includes("any") &&
    tools.filter((tool) => "toolSpec" in tool).length === 1
  ) {
    return { toolChoice: { any: {} }, disableTools: false };
  }
  return {
    toolChoice: undefined,
    disableTools: false,
    warning: `Model ${modelId} cannot take tool_choice "${kind}"; sending the request with tool_choice "auto".`,
  };
}

function toConverse(choice: unknown, tools: readonly Tool[]): ToolChoice {
  if (choice === "auto") return { auto: {} };
  if (choice === "any" || choice === "required") return { any: {} };
  if (typeof choice === "string") return { tool: { name: requireTool(choice, tools) } };
  if (typeof choice === "object" && choice !== null) {
    const value = choice as Record<string, unknown>;
    if ("auto" in value) return { auto: {} };
    if ("any" in value) return { any: {} };
    if (typeof value.tool === "object" && value.tool !== null) {
      return { tool: { name: requireTool(String((value.tool as { name?: unknown }).name), tools) } };
    }
    if (value.type === "function" && typeof value.function === "object" && value.function !== null) {
      return { tool: { name: requireTool(String((value.function as { name?: unknown }).name), tools) } };
    }
    if (value.type === "tool" && typeof value.name === "string")
      return { tool: { name: requireTool(value.name, tools) } };
    if (value.type === "any" || value.type === "auto") return toConverse(value.type, tools);
  }
  throw new ChatBedrockKeyError("INVALID_TOOL", `tool_choice ${JSON.stringify(choice)} is not understood.`);
}

function requireTool(name: string, tools: readonly Tool[]): string {
  if (!tools.some((tool) => "toolSpec" in tool && tool.toolSpec?.name === name)) {
    throw new ChatBedrockKeyError(
      "INVALID_TOOL",
      `tool_choice names "${name}", which is not among the bound tools.`,
    );
  }
  return name;
}
