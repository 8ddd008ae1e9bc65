import type { BaseMessage } from "@langchain/core/messages";

/**
 * The plain text of a message: string content as is, text blocks joined, other blocks skipped.
 *
 * @example
 * ```ts
 * messageText(new AIMessage("hello")); // "hello"
 * ```
 */
export function messageText(message: BaseMessage): string {
  const content = message.content as unknown;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block: unknown) => {
      if (typeof block === "string") return block;
      const value = block as { type?: string; text?: unknown };
      return value.type === "text" && typeof value.text === "string" ? value.text : "";
    })
    .join("");
}

/**
 * A rough token count (about four characters a token, as Bedrock models average), used for memory windows and
 * for reserving quota before a call; real usage settles the reservation afterwards.
 *
 * @example
 * ```ts
 * estimateTokens("hello world"); // 3
 * ```
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * {@link estimateTokens} over a list of messages, plus a small per-message overhead.
 *
 * @example
 * ```ts
 * estimateMessagesTokens([new HumanMessage("hi")]); // 5
 * ```
 */
export function estimateMessagesTokens(messages: readonly BaseMessage[]): number {
  let total = 0;
  for (const message of messages) {
    total += 4 + estimateTokens(messageText(message));
    const calls = (message as { tool_calls?: unknown[] }).tool_calls;
    if (calls?.length) total += estimateTokens(JSON.stringify(calls));
  }
  return total;
}
