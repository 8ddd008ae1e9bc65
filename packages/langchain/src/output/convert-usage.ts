import type { TokenUsage } from "@aws-sdk/client-bedrock-runtime";
import type { UsageMetadata } from "@langchain/core/messages";

/**
 * Converts Converse usage to LangChain `usage_metadata`. Bedrock's `inputTokens` excludes cached tokens, so cache
 * reads and writes are added back into `input_tokens` and reported in `input_token_details`.
 *
 * @example
 * ```ts
 * convertUsage({ inputTokens: 10, outputTokens: 5, totalTokens: 25, cacheReadInputTokens: 10 })
 * // => { input_tokens: 20, output_tokens: 5, total_tokens: 25, input_token_details: { cache_read: 10, cache_creation: 0 } }
 * ```
 */
export function convertUsage(usage: Partial<TokenUsage> | undefined): UsageMetadata | undefined {
  if (!usage) return undefined;
  const cacheRead = usage.cacheReadInputTokens ?? 0;
  const cacheCreation = usage.cacheWriteInputTokens ?? 0;
  const input = (usage.inputTokens ?? 0) + cacheRead + cacheCreation;
  const output = usage.outputTokens ?? 0;
  return {
    input_tokens: input,
    output_tokens: output,
    total_tokens: input + output,
    input_token_details: { cache_read: cacheRead, cache_creation: cacheCreation },
  };
}
