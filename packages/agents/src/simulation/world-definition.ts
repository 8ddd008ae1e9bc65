import type { z } from "zod";
import type { AgentApiKey } from "../model/resolve-tenant.js";

/** One simulated agent: plain data, so thousands stay cheap. `index` is its position in the agent list. */
export interface SimulationAgent {
  index: number;
  name: string;
  persona?: string;
  /** This agent's (tenant's) key; defaults to the simulation's `apiKey`. */
  apiKey?: AgentApiKey;
}

/** One agent's validated action, in application order. */
export interface AgentAction<Action> {
  agent: SimulationAgent;
  action: Action;
}

/**
 * A world: its rules, the zod schema of an action, what an agent sees, and a pure `apply`. A run is a function of
 * the seed and the model's outputs because actions are applied in a seeded order.
 *
 * @example
 * ```ts
 * const world: WorldDefinition<{ count: number }, { add: number }> = {
 *   name: "counter",
 *   actionSchema: z.object({ add: z.number().int() }),
 *   view: (state) => `The counter is ${state.count}.`,
 *   apply: (state, actions) => ({ count: actions.reduce((sum, { action }) => sum + action.add, state.count) }),
 * };
 * ```
 */
export interface WorldDefinition<State, Action> {
  name: string;
  /** Shared rules, put in every agent's system prompt. */
  rules?: string;
  actionSchema: z.ZodType<Action>;
  /** What `agent` observes of `state` (keep it short: it is sent once per agent per tick). */
  view(state: State, agent: SimulationAgent, tick: number): string;
  /** Pure: a new state from the old one and the tick's actions in seeded order. Must not mutate `state`. */
  apply(state: State, actions: ReadonlyArray<AgentAction<Action>>, tick: number): State;
  /** Used for an agent whose reply is not a valid action (default: the agent is skipped this tick). */
  fallbackAction?: Action;
  /** Turns a reply into a candidate action (default: the first JSON object in the text). */
  parseAction?(text: string): unknown;
  /** A one-paragraph summary of a state, for examples and the CLI. */
  summarize?(state: State): string;
}
