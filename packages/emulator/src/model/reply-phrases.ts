/** Phrase banks of the simulated model's replies; the conversation hash picks among them. */

/**
 * First sentence of an assistant answer; `{topic}` is filled in.
 *
 * @example
 * ```ts
 * OPENERS[0].replace("{topic}", "caching");
 * ```
 */
export const OPENERS = [
  "Here is a short answer about {topic}.",
  "Good question about {topic}.",
  "Let me help with {topic}.",
  "Sure, here are my thoughts on {topic}.",
  "Regarding {topic}, a few points stand out.",
  "On {topic}, the short version is this.",
];
/**
 * Body sentences; `{a}` and `{b}` are topic words.
 *
 * @example
 * ```ts
 * BODY[0].replace("{a}", "cost").replace("{b}", "speed");
 * ```
 */
export const BODY = [
  "The key idea is to focus on {a} before {b}.",
  "Start with {a}, then consider how it affects {b}.",
  "In practice, {a} matters most when {b} is involved.",
  "A useful rule of thumb is to keep {a} simple and measure {b}.",
  "Most of the work lies in understanding {a}.",
  "It helps to compare {a} with {b} side by side.",
  "The trade-off between {a} and {b} depends on your goals.",
  "Small, careful steps with {a} usually pay off.",
  "Checking assumptions about {b} avoids surprises later.",
  "A concrete example makes {a} easier to reason about.",
  "Keep an eye on {b}, since it changes over time.",
  "Documenting {a} helps the next person who touches {b}.",
];
/**
 * Last sentence of an assistant answer.
 *
 * @example
 * ```ts
 * random.pick(CLOSERS);
 * ```
 */
export const CLOSERS = [
  "Let me know if you want more detail.",
  "I hope this helps.",
  "That covers the essentials.",
  "Happy to expand on any part of this.",
];
/**
 * The AI user's instructions, one per turn in order; `{task}` is the task.
 *
 * @example
 * ```ts
 * INSTRUCTIONS[turn % INSTRUCTIONS.length].replace("{task}", task);
 * ```
 */
export const INSTRUCTIONS = [
  "List the requirements we must meet to {task}.",
  "Identify the data and inputs needed to {task}.",
  "Design the main components needed to {task}.",
  "Implement a first working version of the core step to {task}.",
  "Handle the edge cases and errors we may meet as we {task}.",
  "Write tests that show we can {task}.",
  "Improve the performance of what we built to {task}.",
  "Document how to use what we built to {task}.",
  "Summarize everything we did to {task}.",
];
/**
 * Words that say what to do rather than what about (and CAMEL's scaffolding), kept out of topics.
 *
 * @example
 * ```ts
 * NOISE.has("explain"); // => true
 * ```
 */
export const NOISE = new Set(
  (
    "explain describe write tell list summarize summarise give show provide create generate make help want need " +
    "like know think instruction input none solution next request answer question short long brief essay tokens " +
    "words paragraph sentence detail details start begin instructions one step steps reply respond based previous " +
    "propose following build works work does using used identify design develop meet needed main implement " +
    "handle improve document outline review measure check ensure translate"
  ).split(" "),
);
