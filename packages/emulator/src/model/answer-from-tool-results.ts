import type { ToolResultView } from "./conversation.js";
import type { Random } from "./hash.js";

const MAX_RESULT_CHARS = 4000;

/**
 * The text answer after tool results: it quotes each result (text or JSON) so callers can see the model used them.
 *
 * @example
 * ```ts
 * answerFromToolResults([{ toolUseId: "t1", name: "get_weather", status: "success", text: "18°C, sunny" }], random);
 * // => "Based on get_weather: 18°C, sunny. ..."
 * ```
 */
export function answerFromToolResults(results: readonly ToolResultView[], random: Random): string {
  const parts = results.map((result) => {
    const text =
      result.text.length > MAX_RESULT_CHARS ? `${result.text.slice(0, MAX_RESULT_CHARS)}…` : result.text;
    return result.status === "error"
      ? `The ${result.name} tool reported an error: ${text || "no details"}.`
      : `Based on ${result.name}: ${text || "(empty result)"}.`;
  });
  const closer = random.pick([
    "That answers your question.",
    "Let me know if you need anything else.",
    "I hope that helps.",
    "That is the result you asked for.",
  ]);
  return `${parts.join(" ")} ${closer}`;
}
