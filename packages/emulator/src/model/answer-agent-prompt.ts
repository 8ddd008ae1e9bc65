import type { Random } from "./hash.js";

/**
 * Answers the small meta-prompts multi-agent frameworks send (CAMEL's task specifier and critic): a sharpened
 * task for "Please make it more specific", and "Option N" with a reason for "choose among the options".
 * Undefined for any other prompt.
 *
 * @example
 * ```ts
 * answerAgentPrompt("Option 1:\na\n\nOption 2:\nb\n\nReply with \"Option N\"…", createRandom(1)); // => "Option 2. …"
 * ```
 */
export function answerAgentPrompt(text: string, random: Random): string | undefined {
  const options = text.match(/^Option \d+:/gm);
  if (options !== null && options.length > 1 && /\bOption N\b|\bchoose\b|\bpick\b|\bselect\b/i.test(text)) {
    const choice = 1 + random.int(options.length);
    return `Option ${choice}. It moves the task forward most directly and with the fewest open questions.`;
  }
  if (/\bmake it more specific\b/i.test(text)) {
    const task = (/:\s*([^\n]+?)\.?\s*(?:\n|$)/.exec(text)?.[1] ?? "the task").trim();
    return `${task}, delivered in three concrete steps with a measurable success criterion and a short final report.`;
  }
  return undefined;
}
