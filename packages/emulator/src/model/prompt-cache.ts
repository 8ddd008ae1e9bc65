import { countBlockTokens, countToolTokens } from "./count-tokens.js";
import { hashString } from "./hash.js";
import type { ModelRequest } from "./types.js";

/** Cache tokens of one request: written the first time a prefix is seen, read afterwards. */
export interface CacheAccounting {
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

/**
 * Prompt caching as Bedrock reports it: the prefix before the request's last `cachePoint` (tools, then system,
 * then messages) is written to the cache the first time (recorded in `promptCache` by a hash of the prefix) and
 * read from it afterwards. Returns undefined when the request has no cache point.
 *
 * @example
 * ```ts
 * const cache = new Set<string>();
 * accountPromptCache(request, cache); // => { cacheReadInputTokens: 0, cacheWriteInputTokens: 1200 }
 * accountPromptCache(request, cache); // => { cacheReadInputTokens: 1200, cacheWriteInputTokens: 0 }
 * ```
 */
export function accountPromptCache(
  request: ModelRequest,
  promptCache: Set<string>,
): CacheAccounting | undefined {
  let tokens = 0;
  let low = hashString(request.modelId);
  let high = hashString(request.modelId, 0x12345678);
  let point: { tokens: number; key: string } | undefined;
  const visit = (block: object, blockTokens: number): void => {
    if ("cachePoint" in block) {
      point = { tokens, key: `${request.modelId}:${tokens}:${low.toString(36)}${high.toString(36)}` };
      return;
    }
    const serialized = JSON.stringify(block);
    low = hashString(serialized, low);
    high = hashString(serialized, high);
    tokens += blockTokens;
  };
  for (const tool of request.toolConfig?.tools ?? []) visit(tool, countToolTokens(tool));
  for (const block of request.system ?? []) visit(block, countBlockTokens(block));
  for (const message of request.messages) {
    low = hashString(message.role, low);
    for (const block of message.content) visit(block, countBlockTokens(block));
  }
  const last = point as { tokens: number; key: string } | undefined;
  if (last === undefined) return undefined;
  if (last.tokens === 0) return { cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
  if (promptCache.has(last.key)) return { cacheReadInputTokens: last.tokens, cacheWriteInputTokens: 0 };
  promptCache.add(last.key);
  return { cacheReadInputTokens: 0, cacheWriteInputTokens: last.tokens };
}
