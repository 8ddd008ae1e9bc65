import { answerFromToolResults } from "./answer-from-tool-results.js";
import { applyLimits } from "./apply-limits.js";
import { chooseTools } from "./choose-tools.js";
import { composeReply, detectReplyMode } from "./compose-reply.js";
import {
  blocksText,
  conversationHash,
  lastToolResults,
  lastUserMessage,
  systemText,
} from "./conversation.js";
import { countRequestTokens, estimateTokens } from "./count-tokens.js";
import { extractValues } from "./extract-values.js";
import { createRandom, hashNumber, randomBase62 } from "./hash.js";
import { detectJsonMode } from "./json-mode.js";
import { ModelInputError } from "./model-input-error.js";
import { accountPromptCache } from "./prompt-cache.js";
import { composeReasoning, reasoningBudget } from "./reasoning.js";
import { synthesizeFromSchema } from "./synthesize-from-schema.js";
import { findTerminationToken, TERMINATION_MIN_MESSAGES } from "./termination-token.js";
import type { ContentBlock, ModelInfo, ModelOutput, ModelRequest, StopReason, ToolSpec } from "./types.js";

/** Options of {@link simulateConverse}. */
export interface SimulateConverseOptions {
  /** The emulator's seed: same seed + same request => same output. */
  seed: number;
  /** The resolved catalog model (reasoning support, …). */
  model: ModelInfo;
  /** Prefix hashes already cached (shared across requests of one emulator); omit to write on every request. */
  promptCache?: Set<string>;
}

/** Longest answer the model writes unprompted by `maxTokens`. */
const MAX_ANSWER_TOKENS = 2000;

function targetTokens(text: string, random: ReturnType<typeof createRandom>): number {
  const asked = /\b(\d{2,5})\s*(tokens?|words?)\b/i.exec(text);
  if (asked !== null) {
    const count = Number(asked[1]) * (asked[2]?.toLowerCase().startsWith("word") ? 1.3 : 1);
    return Math.min(MAX_ANSWER_TOKENS, Math.max(20, Math.round(count)));
  }
  if (/\b(?:long|essay|detailed|in detail|at length|elaborate|thorough|story|article)\b/i.test(text))
    return 400;
  return 20 + random.int(61);
}

function toolSpecs(request: ModelRequest): ToolSpec[] {
  const specs: ToolSpec[] = [];
  for (const tool of request.toolConfig?.tools ?? []) if ("toolSpec" in tool) specs.push(tool.toolSpec);
  return specs;
}

function structuredOutputSchema(request: ModelRequest): unknown {
  const format = request.outputConfig?.textFormat;
  if (format?.type !== "json_schema") return undefined;
  try {
    return JSON.parse(format.structure.jsonSchema.schema) as unknown;
  } catch (error) {
    throw new ModelInputError(
      "The provided output JSON schema is not valid JSON. Fix the schema and try again.",
      {
        cause: error,
      },
    );
  }
}

/**
 * The simulated model: answers a parsed Converse request deterministically (same seed + request => same output).
 * It writes short role-aware text (CAMEL "Instruction:"/"Solution:" voices from the system prompt, a termination
 * token after enough turns), calls the best-matching tools with schema-valid inputs, answers from tool results,
 * honours structured output, thinking, `maxTokens`, `stopSequences` and cache points, and reports usage.
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
  const system = systemText(request);
  const lastUser = lastUserMessage(request);
  // With an assistant prefill last, the topic still comes from the user's last words.
  const lastUserText = blocksText(
    (lastUser ?? request.messages.findLast((message) => message.role === "user"))?.content,
  );
  const toolResults = lastToolResults(request);
  const maxTokens = request.inferenceConfig?.maxTokens;
  const content: ContentBlock[] = [];
  let outputTokens = 0;

  const budget = reasoningBudget(request, options.model);
  if (budget > 0) {
    const reasoning = composeReasoning(
      extractValues(lastUserText).words,
      budget,
      createRandom(hashNumber(1, hash)),
    );
    content.push({ reasoningContent: { reasoningText: reasoning } });
    outputTokens += estimateTokens(reasoning.text);
  }

  const specs = toolSpecs(request);
  const choice = request.toolConfig?.toolChoice;
  const forced = choice !== undefined && !("auto" in choice);
  const wantsTools = specs.length > 0 && lastUser !== undefined && (toolResults.length === 0 || forced);
  if (wantsTools) {
    const calls: ContentBlock[] = [];
    let callTokens = 0;
    const entities = extractValues(lastUserText).properNouns;
    chooseTools(specs, lastUserText, choice, entities).forEach((pick, index) => {
      const callRandom = createRandom(hashNumber(index + 2, hash));
      const values = extractValues(pick.clause);
      if (pick.focus !== undefined) values.properNouns = [pick.focus];
      const input = synthesizeFromSchema(pick.spec.inputSchema.json, {
        values,
        random: callRandom,
      });
      const toolUseId = `tooluse_${randomBase62(callRandom, 22)}`;
      calls.push({ toolUse: { toolUseId, name: pick.spec.name, input } });
      callTokens += estimateTokens(pick.spec.name + JSON.stringify(input));
    });
    if (calls.length > 0) {
      if (maxTokens !== undefined && outputTokens + callTokens > maxTokens) {
        // A tool call cut short is unusable: report what fit and stop like generation would.
        return finish(request, options, content, maxTokens, "max_tokens", undefined);
      }
      content.push(...calls);
      return finish(request, options, content, outputTokens + callTokens, "tool_use", undefined);
    }
  }

  const schema = structuredOutputSchema(request);
  let text: string;
  if (toolResults.length > 0) {
    text = answerFromToolResults(toolResults, random);
  } else if (schema !== undefined) {
    text = JSON.stringify(synthesizeFromSchema(schema, { values: extractValues(lastUserText), random }));
  } else {
    const mode = detectReplyMode(system);
    const jsonMode = mode === "assistant" ? detectJsonMode(system, lastUserText) : undefined;
    const firstUser = request.messages.find((message) => message.role === "user");
    text = composeReply({
      mode,
      system,
      lastUserText,
      firstUserText: blocksText(firstUser?.content),
      ownTurns: request.messages.filter((message) => message.role === "assistant").length,
      targetTokens: targetTokens(lastUserText, random),
      random,
    });
    if (jsonMode !== undefined) {
      text =
        jsonMode.schema === undefined
          ? JSON.stringify({ answer: text })
          : JSON.stringify(
              synthesizeFromSchema(jsonMode.schema, { values: extractValues(jsonMode.userText), random }),
            );
    }
    const token = findTerminationToken(system);
    if (
      token !== undefined &&
      jsonMode === undefined &&
      request.messages.length >= TERMINATION_MIN_MESSAGES
    ) {
      text = mode === "instructor" ? token : `${text} ${token}`;
    }
  }
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
  const inputTotal = countRequestTokens(request);
  const cache = accountPromptCache(request, options.promptCache ?? new Set());
  const cached = cache === undefined ? 0 : cache.cacheReadInputTokens + cache.cacheWriteInputTokens;
  const inputTokens = Math.max(0, inputTotal - cached);
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
