import { createHash } from "node:crypto";
import type { Random } from "./hash.js";
import type { ModelInfo, ModelRequest } from "./types.js";

/**
 * Whether the request turns thinking on for a reasoning model: Anthropic's `thinking: { type: "enabled",
 * budget_tokens }` or a `reasoning_config` / `reasoningConfig` with `type: "enabled"` in
 * `additionalModelRequestFields`. Returns the token budget (0 when disabled).
 *
 * @example
 * ```ts
 * reasoningBudget({ ...request, additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } } }, sonnet4);
 * // => 2048
 * ```
 */
export function reasoningBudget(request: ModelRequest, model: ModelInfo): number {
  if (!model.supportsReasoning) return 0;
  const fields = request.additionalModelRequestFields ?? {};
  for (const key of ["thinking", "reasoning_config", "reasoningConfig"]) {
    const value = fields[key];
    if (typeof value !== "object" || value === null) continue;
    const config = value as Record<string, unknown>;
    if (config.type !== "enabled" && config.type !== "adaptive") continue;
    const budget = config.budget_tokens ?? config.budgetTokens;
    return typeof budget === "number" && budget > 0 ? budget : 1024;
  }
  return 0;
}

const STEPS = [
  "First, restate what is being asked",
  "Next, list what I already know",
  "Then check whether any tool or extra input is needed",
  "Consider the simplest approach that fully answers it",
  "Watch for edge cases and ambiguous wording",
  "Finally, keep the answer short and concrete",
];

/**
 * A short deterministic chain of thought about the topic, at most `budget` tokens, with a deterministic base64
 * signature (Bedrock's signatures are opaque base64 strings the client sends back unchanged).
 *
 * @example
 * ```ts
 * const { text, signature } = composeReasoning(["caching"], 1024, createRandom(1));
 * ```
 */
export function composeReasoning(
  topicWords: string[],
  budget: number,
  random: Random,
): { text: string; signature: string } {
  const topic = topicWords.slice(0, 4).join(", ") || "the request";
  let text = `The user is asking about ${topic}.`;
  const count = 3 + random.int(3);
  const start = random.int(2);
  for (let index = start; index < start + count && index < STEPS.length; index++) text += ` ${STEPS[index]}.`;
  text = text.slice(0, Math.max(4, budget * 4));
  const signature = createHash("sha512").update(`${random.next()}:${text}`).digest("base64");
  return { text, signature };
}
