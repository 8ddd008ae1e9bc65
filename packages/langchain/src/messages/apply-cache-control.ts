import type { CachePointBlock, Message, SystemContentBlock, Tool } from "@aws-sdk/client-bedrock-runtime";

/**
 * The `cache_control` call option, as set by LangChain's `bedrockPromptCachingMiddleware` (and Anthropic's):
 * `{ type: "ephemeral", ttl?: "5m" | "1h" }`.
 */
export interface CacheControl {
  type: "ephemeral";
  ttl?: "5m" | "1h";
}

/** Bedrock allows at most four cache checkpoints per request. */
const MAX_CACHE_POINTS = 4;

/**
 * Adds Converse `cachePoint` blocks for a `cache_control` call option: after the system prompt, after the tool
 * definitions, and after the last message, so the stable prefix of each request is cached. Explicit cache points
 * already present are kept and counted; nothing is added past Bedrock's limit of four. Amazon Nova models take no
 * TTL, no tool cache point, and no cache point next to tool blocks. Mutates the given arrays.
 *
 * @example
 * ```ts
 * applyCacheControl({ cacheControl: { type: "ephemeral" }, system, messages, tools, modelId: "anthropic.claude-3-5-haiku-20241022-v1:0" });
 * ```
 */
export function applyCacheControl(request: {
  cacheControl: CacheControl | undefined;
  system: SystemContentBlock[];
  messages: Message[];
  tools: Tool[] | undefined;
  modelId: string;
}): void {
  const { cacheControl, system, messages, tools, modelId } = request;
  if (!cacheControl) return;
  const isNova = modelId.toLowerCase().includes("amazon.nova");
  const point: CachePointBlock = {
    type: "default",
    ...(!isNova && cacheControl.ttl === "1h" ? { ttl: "1h" as const } : {}),
  };
  let count =
    system.filter(hasCachePoint).length +
    (tools ?? []).filter(hasCachePoint).length +
    messages.reduce((sum, message) => sum + (message.content ?? []).filter(hasCachePoint).length, 0);
  const add = (target: Array<SystemContentBlock | Tool | NonNullable<Message["content"]>[number]>) => {
    if (count >= MAX_CACHE_POINTS || target.length === 0 || hasCachePoint(target.at(-1))) return;
    target.push({ cachePoint: { ...point } });
    count += 1;
  };
  add(system);
  if (tools && !isNova) add(tools);
  const last = messages.at(-1);
  if (last?.content) {
    const hasToolBlocks = last.content.some((block) => "toolResult" in block || "toolUse" in block);
    if (!(isNova && hasToolBlocks)) add(last.content);
  }
}

function hasCachePoint(block: unknown): boolean {
  return typeof block === "object" && block !== null && "cachePoint" in block;
}
