import type { Agent } from "../agent/agent.js";
import type { RunContext } from "../run/run-context.js";
import { criticPrompt } from "./role-prompts.js";

/** A human (or any code) choosing among candidate messages: return the 0-based index. */
export type CriticCallback = (
  candidates: readonly string[],
  context: { turn: number; speaker: "user" | "assistant" },
) => number | Promise<number>;

/**
 * Picks one of `candidates` with a critic agent (parsing "Option N" from its reply) or a callback; out-of-range
 * or unparsable choices fall back to the first candidate.
 *
 * @example
 * ```ts
 * const index = await chooseCandidate(context, (options) => 0, ["a", "b"], { turn: 1, speaker: "assistant", role: "Programmer" });
 * ```
 */
export async function chooseCandidate(
  context: RunContext,
  critic: Agent | CriticCallback,
  candidates: readonly string[],
  situation: { turn: number; speaker: "user" | "assistant"; role: string },
): Promise<number> {
  if (candidates.length <= 1) return 0;
  let index: number;
  if (typeof critic === "function") {
    index = await critic(candidates, { turn: situation.turn, speaker: situation.speaker });
  } else {
    const reply = await critic.step(criticPrompt(situation.role, candidates), context, { stateless: true });
    const match = /option\s*(\d+)/i.exec(reply.content);
    index = match ? Number(match[1]) - 1 : 0;
  }
  return Number.isInteger(index) && index >= 0 && index < candidates.length ? index : 0;
}
