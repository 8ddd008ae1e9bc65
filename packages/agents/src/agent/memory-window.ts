import type { BaseMessage } from "@langchain/core/messages";
import { estimateMessagesTokens } from "../model/message-text.js";

/**
 * The newest messages that fit `maxTokens` (estimated), never starting on a tool result or an assistant turn,
 * so the window is always a valid conversation to send.
 *
 * @example
 * ```ts
 * const window = trimToTokenBudget(history, 2000);
 * ```
 */
export function trimToTokenBudget(messages: readonly BaseMessage[], maxTokens: number): BaseMessage[] {
  let start = messages.length;
  let used = 0;
  while (start > 0) {
    const cost = estimateMessagesTokens([messages[start - 1] as BaseMessage]);
    if (used + cost > maxTokens) break;
    used += cost;
    start--;
  }
  while (start < messages.length && (messages[start] as BaseMessage).type !== "human") start++;
  return messages.slice(start);
}
