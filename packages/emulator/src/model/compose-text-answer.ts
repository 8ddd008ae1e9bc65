import { answerAgentPrompt } from "./answer-agent-prompt.js";
import { answerFromToolResults } from "./answer-from-tool-results.js";
import { composeReply, detectReplyMode } from "./compose-reply.js";
import { blocksText, type ToolResultView } from "./conversation.js";
import { extractValues } from "./extract-values.js";
import type { Random } from "./hash.js";
import { detectJsonMode } from "./json-mode.js";
import { ModelInputError } from "./model-input-error.js";
import { synthesizeFromSchema } from "./synthesize-from-schema.js";
import { findTerminationToken, TERMINATION_MIN_MESSAGES } from "./termination-token.js";
import type { ModelRequest } from "./types.js";

/** Longest answer the model writes unprompted by `maxTokens`. */
const MAX_ANSWER_TOKENS = 2000;

function targetTokens(text: string, random: Random): number {
  const asked = /\b(\d{2,5})\s*(tokens?|words?)\b/i.exec(text);
  if (asked !== null) {
    const count = Number(asked[1]) * (asked[2]?.toLowerCase().startsWith("word") ? 1.3 : 1);
    return Math.min(MAX_ANSWER_TOKENS, Math.max(20, Math.round(count)));
  }
  if (/\b(?:long|essay|detailed|in detail|at length|elaborate|thorough|story|article)\b/i.test(text))
    return 400;
  return 20 + random.int(61);
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

/** What the text answer is drawn from. */
export interface TextAnswerInput {
  request: ModelRequest;
  system: string;
  /** The user's last text (from the last user message, even under an assistant prefill). */
  userText: string;
  toolResults: readonly ToolResultView[];
  random: Random;
}

/**
 * The full (not yet limited) text answer: a summary of tool results, JSON for structured output or JSON mode,
 * or a role-aware reply ending with the termination token once the role-play has had enough turns.
 *
 * @example
 * ```ts
 * composeTextAnswer({ request, system: "", userText: "Hello", toolResults: [], random: createRandom(1) });
 * ```
 */
export function composeTextAnswer(input: TextAnswerInput): string {
  const { request, system, userText, random } = input;
  if (input.toolResults.length > 0) return answerFromToolResults(input.toolResults, random);
  const schema = structuredOutputSchema(request);
  if (schema !== undefined)
    return JSON.stringify(synthesizeFromSchema(schema, { values: extractValues(userText), random }));
  const mode = detectReplyMode(system);
  const meta = mode === "assistant" ? answerAgentPrompt(userText, random) : undefined;
  if (meta !== undefined) return meta;
  const userTurns = request.messages.filter((message) => message.role === "user");
  const firstUser = userTurns[0];
  const reply = composeReply({
    mode,
    system,
    lastUserText: userText,
    firstUserText: blocksText(firstUser?.content),
    earlierUserText: userTurns
      .slice(-4, -1)
      .reverse()
      .map((message) => blocksText(message.content))
      .join("\n"),
    ownTurns: request.messages.filter((message) => message.role === "assistant").length,
    targetTokens: targetTokens(userText, random),
    random,
  });
  const jsonMode = mode === "assistant" ? detectJsonMode(system, userText) : undefined;
  if (jsonMode !== undefined) {
    if (jsonMode.schema === undefined) return JSON.stringify({ answer: reply });
    return JSON.stringify(
      synthesizeFromSchema(jsonMode.schema, { values: extractValues(jsonMode.userText), random }),
    );
  }
  const token = findTerminationToken(system);
  if (token === undefined || request.messages.length < TERMINATION_MIN_MESSAGES) return reply;
  return mode === "instructor" ? token : `${reply} ${token}`;
}
