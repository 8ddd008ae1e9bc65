import { applyLimits } from "./apply-limits.js";
import { composeTextAnswer } from "./compose-text-answer.js";
import {
  blocksText,
  conversationHash,
  lastToolResults,
  lastUserMessage,
  systemText,
} from "./conversation.js";
import { countRequestTokens, estimateTokens } from "./count-tokens.js";
import { extractValues } from "./extract-values.js";
import { createRandom, hashNumber } from "./hash.js";
import { planToolCalls, toolSpecs } from "./plan-tool-calls.js";
import { accountPromptCache } from "./prompt-cache.js";
import { composeReasoning, reasoningBudget } from "./reasoning.js";
import type { ContentBlock, ModelInfo, ModelOutput, ModelRequest, StopReason } from "./types.js";

/** Options of {@link simulateConverse}. */
export interface SimulateConverseOptions {
  /** The emulator's seed: same seed + same request => same output. */
  seed: number;
  /** The resolved catalog model (reasoning support, …). */
  model: ModelInfo;
  /** Prefix hashes already cached (shared across requests of one emulator); omit to write on every request. */
  promptCache?: Set<string>;
}

/**
 * The simulated model: answers a parsed Converse request deterministically (same seed + request => same output).
 * It writes short role-aware text (CAMEL "Instruction:"/"Solution:" voices from the system prompt, a termination
 * token after enough turns), calls the best-matching tools with schema-valid inputs, answers from tool results,
 * honours structured output, thinking, `maxTokens`, `stopSequences` and cache points, and reports usage.
 * Throws {@link ModelInputError} for an output schema that is not JSON.
 *
 * @example
 * ```ts
 * const output = simulateConverse(
 *   { modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "Hello" }] }] },
 *   { seed: 42, model: DEFAULT_MODELS.find((model) => model.modelId === "amazon.nova-lite-v1:0")! },
 * );
 * output.content; // => [{ text: "Hello! How can I help you today?" }]
 * ```
 */
export function simulateConverse(request: ModelRequest, options: SimulateConverseOptions): ModelOutput {
  const hash = conversationHash(request, options.seed);
  const random = createRandom(hash);
  const lastUser = lastUserMessage(request);
  // With an assistant prefill last, the topic still comes from the user's last words.
  const userText = blocksText(
    (lastUser ?? request.messages.findLast((message) => message.role === "user"))?.content,
  );
  const toolResults = lastToolResults(request);
  const maxTokens = request.inferenceConfig?.maxTokens;
  const content: ContentBlock[] = [];
  let outputTokens = 0;

  const budget = reasoningBudget(request, options.model);
  if (budget > 0) {
    const reasoning = composeReasoning(
      extractValues(userText).words,
      budget,
      createRandom(hashNumber(1, hash)),
    );
    content.push({ reasoningContent: { reasoningText: reasoning } });
    outputTokens += estimateTokens(reasoning.text);
  }

  const choice = request.toolConfig?.toolChoice;
  const forced = choice !== undefined && !("auto" in choice);
  if (lastUser !== undefined && (toolResults.length === 0 || forced) && toolSpecs(request).length > 0) {
    const calls = planToolCalls(request, userText, hash);
    if (calls.blocks.length > 0) {
      // A tool call cut short is unusable: report what fit and stop like generation would.
      if (maxTokens !== undefined && outputTokens + calls.tokens > maxTokens) {
        return finish(request, options, content, maxTokens, "max_tokens", undefined);
      }
      content.push(...calls.blocks);
      return finish(request, options, content, outputTokens + calls.tokens, "tool_use", undefined);
    }
  }

  const text = composeTextAnswer({ request, system: systemText(request), userText, toolResults, random });
  const limited = applyLimits(text, {
    maxTokens: maxTokens === undefined ? undefined : Math.max(0, maxTokens - outputTokens),
    stopSequences: request.inferenceConfig?.stopSequences,
  });
  content.push({ text: limited.text });
  outputTokens += estimateTokens(limited.text);
  return finish(request, options, content, outputTokens, limited.stopReason, limited.stopSequence);
}

function finish(
  request: ModelRequest,
  options: SimulateConverseOptions,
  content: ContentBlock[],
  outputTokens: number,
  stopReason: StopReason,
  stopSequence: string | undefined,
): ModelOutput {
  const cache = accountPromptCache(request, options.promptCache ?? new Set());
  const cached = cache === undefined ? 0 : cache.cacheReadInputTokens + cache.cacheWriteInputTokens;
  const inputTokens = Math.max(0, countRequestTokens(request) - cached);
  const output: ModelOutput = {
    content,
    stopReason,
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens + cached },
  };
  if (cache !== undefined) {
    output.usage.cacheReadInputTokens = cache.cacheReadInputTokens;
    output.usage.cacheWriteInputTokens = cache.cacheWriteInputTokens;
  }
  if (stopSequence !== undefined) output.stopSequence = stopSequence;
  return output;
}
