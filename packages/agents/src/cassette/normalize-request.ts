import type { BaseMessage } from "@langchain/core/messages";
import { messageText } from "../model/message-text.js";

/** The parts of a model request that decide its answer, in a stable shape (no ids, no keys, no timing). */
export interface NormalizedRequest {
  modelId: string;
  messages: Array<{ role: string; text: string; toolCalls?: Array<{ name: string; args: unknown }> }>;
  tools: string[];
}

/**
 * Normalizes a request for cassette keys: message roles and text, tool-call names and arguments (not their
 * ids, which models generate), and the names of bound tools.
 *
 * @example
 * ```ts
 * normalizeRequest("amazon.nova-lite-v1:0", [new HumanMessage("hi")], []);
 * ```
 */
export function normalizeRequest(
  modelId: string,
  messages: readonly BaseMessage[],
  tools: string[],
): NormalizedRequest {
  return {
    modelId,
    tools: [...tools].sort(),
    messages: messages.map((message) => {
      const calls = (message as { tool_calls?: Array<{ name: string; args: unknown }> }).tool_calls;
      const entry: NormalizedRequest["messages"][number] = { role: message.type, text: messageText(message) };
      if (calls?.length) entry.toolCalls = calls.map((call) => ({ name: call.name, args: call.args }));
      return entry;
    }),
  };
}
