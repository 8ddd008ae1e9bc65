import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { callModel } from "../model/call-model.js";
import { messageText } from "../model/message-text.js";
import { type AgentApiKey, resolveTenant } from "../model/resolve-tenant.js";
import { Orchestrator } from "../run/orchestrator.js";
import type { RunContext, RunOptions } from "../run/run-context.js";
import type { RunResult } from "../run/run-result.js";
import { readSnapshot, writeSnapshot } from "../snapshot/snapshot-file.js";
import type { UsageReport } from "../usage/usage-ledger.js";
import { extractJson } from "../util/extract-json.js";
import { mapWithConcurrency } from "../util/map-with-concurrency.js";
import { seededOrder } from "./seeded-random.js";
import type { AgentAction, SimulationAgent, WorldDefinition } from "./world-definition.js";

/**
 * Options of a {@link Simulation}.
 *
 * @example
 * ```ts
 * const options: SimulationOptions<MarketState, MarketAction> = {
 *   world: marketWorld, agents: 100, initialState: createMarketState(100), ticks: 5, model,
 * };
 * ```
 */
export interface SimulationOptions<State, Action> extends RunOptions {
  world: WorldDefinition<State, Action>;
  /** The agents, or a count (named `agent-0`, `agent-1`, ...). */
  agents: SimulationAgent[] | number;
  initialState: State;
  ticks: number;
  model: BaseChatModel;
  /** Key for every agent without its own. */
  apiKey?: AgentApiKey;
  /** Agents acting at once within a tick (default 32). */
  concurrency?: number;
  /** Seeds the application order (default 42). */
  seed?: number;
  maxOutputTokens?: number;
  /** Saves `{ tick, state }` after every tick (atomic write); a rerun resumes after the last saved tick. */
  snapshotPath?: string;
  resume?: boolean;
}

/** What a simulation produced (also the partial result: the state after the last completed tick). */
export interface SimulationResult<State> {
  state: State;
  ticksCompleted: number;
  /** Replies that did not validate against the action schema, over the whole run. */
  invalidActions: number;
  /** The tick the run resumed after, when it started from a snapshot. */
  resumedAfterTick?: number;
}

interface SimulationSnapshot<State> {
  version: 1;
  world: string;
  tick: number;
  state: State;
  invalidActions: number;
  usage: UsageReport;
}

/**
 * N agents over T ticks: each tick every agent sees `view(state, agent)` and answers with an action (validated
 * by the world's zod schema), with at most `concurrency` model calls in flight; actions are applied by the pure
 * `apply` in an order seeded by `seed` and the tick. Agents are plain data (no per-agent objects), so 1,000+
 * agents stay cheap; all of them share the rate limiter of their key.
 *
 * @example
 * ```ts
 * const simulation = new Simulation({ world: marketWorld, agents: 100, initialState: createMarketState(100), ticks: 5, model });
 * const outcome = await simulation.run();
 * console.log(marketWorld.summarize?.(outcome.result!.state));
 * ```
 */
export class Simulation<State, Action> extends Orchestrator {
  readonly options: SimulationOptions<State, Action>;
  readonly agents: readonly SimulationAgent[];
  private progress: SimulationResult<State>;

  constructor(options: SimulationOptions<State, Action>) {
    super(options);
    if (!Number.isInteger(options.ticks) || options.ticks < 1)
      throw new InvalidOptionsError("ticks must be a positive integer.");
    this.options = options;
    this.agents =
      typeof options.agents === "number"
        ? Array.from({ length: options.agents }, (_, index) => ({ index, name: `agent-${index}` }))
        : options.agents;
    if (this.agents.length === 0) throw new InvalidOptionsError("A simulation needs at least one agent.");
    this.progress = { state: options.initialState, ticksCompleted: 0, invalidActions: 0 };
  }

  run(): Promise<RunResult<SimulationResult<State>>> {
    const calls = this.agents.length * this.options.ticks;
    return this.execute(
      "simulation",
      { maxSteps: Math.max(10_000, calls * 2) },
      (context) => this.simulate(context),
      () => ({ ...this.progress }),
    );
  }

  private async simulate(context: RunContext): Promise<SimulationResult<State>> {
    const { world } = this.options;
    this.progress = { state: this.options.initialState, ticksCompleted: 0, invalidActions: 0 };
    const saved = this.loadSnapshot();
    if (saved) {
      context.ledger.restore(saved.usage);
      context.budget.recordCall(saved.usage.run);
      this.progress = {
        state: saved.state,
        ticksCompleted: saved.tick,
        invalidActions: saved.invalidActions,
        resumedAfterTick: saved.tick,
      };
    }
    const tenants = this.agents.map((agent) => resolveTenant(agent.apiKey ?? this.options.apiKey));
    const instructions = `Reply with JSON only, matching this JSON schema:\n${JSON.stringify(z.toJSONSchema(world.actionSchema))}`;
    const system = world.rules ?? `You are an agent in the world "${world.name}".`;
    for (let tick = this.progress.ticksCompleted + 1; tick <= this.options.ticks; tick++) {
      context.emit("tick-start", { tick });
      const state = this.progress.state;
      const before = context.ledger.total();
      const chosen = await mapWithConcurrency(
        this.agents,
        this.options.concurrency ?? 32,
        async (agent, index) => {
          const persona = agent.persona ? ` ${agent.persona}` : "";
          const { message } = await callModel(context, {
            agent: agent.name,
            tenant: tenants[index] as string,
            apiKey: agent.apiKey ?? this.options.apiKey,
            model: this.options.model,
            messages: [
              new SystemMessage(`You are ${agent.name}.${persona}\n${system}`),
              new HumanMessage(`${world.view(state, agent, tick)}\n\n${instructions}`),
            ],
            taskId: `tick-${tick}`,
            maxOutputTokens: this.options.maxOutputTokens,
          });
          const text = messageText(message);
          context.emit("message", {
            agent: agent.name,
            tenant: tenants[index] as string,
            role: "assistant",
            content: text,
          });
          const parsed = world.actionSchema.safeParse((world.parseAction ?? extractJson)(text));
          return parsed.success ? { action: parsed.data } : undefined;
        },
      );
      const order = seededOrder(this.agents.length, (this.options.seed ?? 42) * 100_003 + tick);
      const actions: AgentAction<Action>[] = [];
      let invalid = 0;
      for (const index of order) {
        const agent = this.agents[index] as SimulationAgent;
        const action = chosen[index]?.action ?? world.fallbackAction;
        if (!chosen[index]) invalid++;
        if (action !== undefined) actions.push({ agent, action });
      }
      const next = world.apply(state, actions, tick);
      this.progress = {
        ...this.progress,
        state: next,
        ticksCompleted: tick,
        invalidActions: this.progress.invalidActions + invalid,
      };
      this.saveSnapshot(context);
      const after = context.ledger.total();
      context.emit("tick-end", {
        tick,
        actions: actions.length,
        invalid,
        usage: {
          calls: after.calls - before.calls,
          inputTokens: after.inputTokens - before.inputTokens,
          outputTokens: after.outputTokens - before.outputTokens,
          totalTokens: after.totalTokens - before.totalTokens,
          costUsd: after.costUsd - before.costUsd,
        },
      });
    }
    return { ...this.progress };
  }

  private loadSnapshot(): SimulationSnapshot<State> | undefined {
    const path = this.options.snapshotPath;
    if (!path || this.options.resume === false) return undefined;
    const saved = readSnapshot<SimulationSnapshot<State>>(path);
    return saved?.version === 1 && saved.world === this.options.world.name ? saved : undefined;
  }

  private saveSnapshot(context: RunContext): void {
    if (!this.options.snapshotPath) return;
    const snapshot: SimulationSnapshot<State> = {
      version: 1,
      world: this.options.world.name,
      tick: this.progress.ticksCompleted,
      state: this.progress.state,
      invalidActions: this.progress.invalidActions,
      usage: context.ledger.report(),
    };
    writeSnapshot(this.options.snapshotPath, snapshot);
  }
}
