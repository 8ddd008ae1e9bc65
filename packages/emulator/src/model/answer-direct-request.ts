import { evaluateArithmetic } from "./evaluate-arithmetic.js";
import { type TextValues, tokenize } from "./extract-values.js";

const QUOTED_REPLY =
  /\b(?:say|reply with|respond with|answer with|repeat|output|print)(?:\s+(?:exactly|only|just|back))?(?:\s+the\s+(?:word|phrase|text))?\s*:?\s*["'“‘`]([^"'”’`\n]{1,200})["'”’`]/i;
const BARE_REPLY =
  /^(?:please\s+)?(?:say|reply with|respond with|answer with)\s+(?:exactly\s+|only\s+|just\s+)?([\w-]+)\s*[.!]?$/i;
const FILLER =
  /^(?:say|tell|describe|answer|reply|respond|me|please|summarize|summarise|the|a|an|it|this|that|what|is|are|how|would|you|can|could|do|does|your|my)$/;
const ASKS_TO_COMPUTE =
  /\b(?:what(?:'s| is)|calculate|compute|evaluate|how much is|solve|result of)\b|=\s*\?/i;

/**
 * Answers requests a real model answers exactly: "Say 'pong'" (the quoted text), "Reply with OK" (the word),
 * "What is 12 * (3 + 4)?" (the computed result), "… in one word" (one word). Undefined for anything else.
 *
 * @example
 * ```ts
 * answerDirectRequest(extractValues("What is 2 + 2?")); // => "2 + 2 = 4"
 * ```
 */
export function answerDirectRequest(values: TextValues): string | undefined {
  const quoted = QUOTED_REPLY.exec(values.text);
  if (quoted !== null) return quoted[1];
  const bare = BARE_REPLY.exec(values.text);
  if (bare !== null) return bare[1];
  if (values.expressions.length > 0 && ASKS_TO_COMPUTE.test(values.text)) {
    const expression = values.expressions[0] as string;
    const result = evaluateArithmetic(expression);
    if (result !== undefined) return `${expression} = ${result}`;
  }
  const oneWord = /\bin (?:one|a single) word\b/i.exec(values.text);
  if (oneWord !== null) {
    const before = tokenize(values.text.slice(0, oneWord.index)).filter((word) => !FILLER.test(word));
    const word = before.at(-1) ?? "Yes";
    return `${word.charAt(0).toUpperCase()}${word.slice(1)}.`;
  }
  return undefined;
}
