/** Settings of the role-play guards. */
export interface GuardOptions {
  /** How many earlier messages of the same speaker a new message is compared with (default 6). */
  loopWindow?: number;
  /** Repeats that end the run with reason `loop` (default 2). */
  maxRepeats?: number;
  /** Detect role flipping (default true). */
  roleFlip?: boolean;
  /** Detect echoed instructions (default true). */
  echo?: boolean;
}

/** What a guard found wrong with a message. */
export type GuardViolation = "role-flip" | "echo" | "loop";

/**
 * Text normalized for comparisons: lower case, no punctuation runs, single spaces.
 *
 * @example
 * ```ts
 * normalizeForComparison("Solution:  Buy!"); // "solution buy"
 * ```
 */
export function normalizeForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}<>_]+/gu, " ")
    .trim();
}

/**
 * Watches a role-play for its known failure modes: role flipping (the instructor answering or the assistant
 * instructing), the assistant echoing the instruction back, and ping-pong loops (a speaker repeating itself).
 *
 * @example
 * ```ts
 * const guards = new ConversationGuards({ maxRepeats: 2 });
 * guards.inspect("assistant", "Instruction: do it", "Do it"); // "role-flip"
 * ```
 */
export class ConversationGuards {
  private readonly history = new Map<string, string[]>();
  private repeats = 0;
  private readonly options: Required<GuardOptions>;

  constructor(options: GuardOptions = {}) {
    this.options = { loopWindow: 6, maxRepeats: 2, roleFlip: true, echo: true, ...options };
  }

  /** Checks a message for role flipping and echo (both worth one corrective retry). */
  inspect(speaker: "user" | "assistant", text: string, instruction?: string): GuardViolation | undefined {
    if (this.options.echo && speaker === "assistant" && instruction !== undefined) {
      const said = normalizeForComparison(text);
      const asked = normalizeForComparison(instruction);
      if (said.length > 0 && (said === asked || (said.includes(asked) && said.length - asked.length < 20))) {
        return "echo";
      }
    }
    if (this.options.roleFlip) {
      if (speaker === "user" && /^\s*(\*\*)?solution\s*:/i.test(text)) return "role-flip";
      if (speaker === "assistant" && /^\s*(\*\*)?instruction\s*:/i.test(text)) return "role-flip";
    }
    return undefined;
  }

  /** Records a message; returns `"loop"` once the conversation has repeated itself `maxRepeats` times. */
  record(speaker: string, text: string): GuardViolation | undefined {
    const normalized = normalizeForComparison(text);
    const previous = this.history.get(speaker) ?? [];
    if (previous.slice(-this.options.loopWindow).includes(normalized)) this.repeats++;
    previous.push(normalized);
    if (previous.length > this.options.loopWindow) previous.shift();
    this.history.set(speaker, previous);
    return this.repeats >= this.options.maxRepeats ? "loop" : undefined;
  }
}
