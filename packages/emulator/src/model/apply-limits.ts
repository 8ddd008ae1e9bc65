import type { StopReason } from "./types.js";

/** The text after `maxTokens` and `stopSequences` are applied, and why it stopped. */
export interface LimitedText {
  text: string;
  stopReason: StopReason;
  stopSequence?: string;
}

/**
 * Cuts generated text the way generation would have stopped: before the first stop sequence, or after
 * `maxTokens` tokens (4 characters each), whichever comes first.
 *
 * @example
 * ```ts
 * applyLimits("Hello world. Bye.", { stopSequences: ["."] }); // => { text: "Hello world", stopReason: "stop_sequence", stopSequence: "." }
 * applyLimits("Hello world", { maxTokens: 1 });               // => { text: "Hell", stopReason: "max_tokens" }
 * ```
 */
export function applyLimits(
  text: string,
  limits: { maxTokens?: number | undefined; stopSequences?: readonly string[] | undefined },
): LimitedText {
  const maxChars =
    limits.maxTokens === undefined ? Number.POSITIVE_INFINITY : Math.max(0, limits.maxTokens) * 4;
  let stopAt = -1;
  let stopSequence: string | undefined;
  for (const sequence of limits.stopSequences ?? []) {
    if (sequence === "") continue;
    const index = text.indexOf(sequence);
    if (index >= 0 && (stopAt < 0 || index < stopAt)) {
      stopAt = index;
      stopSequence = sequence;
    }
  }
  if (stopSequence !== undefined && stopAt <= maxChars) {
    return { text: text.slice(0, stopAt), stopReason: "stop_sequence", stopSequence };
  }
  if (text.length > maxChars) return { text: text.slice(0, maxChars), stopReason: "max_tokens" };
  return { text, stopReason: "end_turn" };
}
