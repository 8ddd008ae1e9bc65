import { Orchestrator } from "../run/orchestrator.js";
import type { RunOptions } from "../run/run-context.js";
import type { RunResult } from "../run/run-result.js";
import type { Agent, AgentReply } from "./agent.js";

/**
 * Options of an {@link AgentRun}: one agent, one input, and the usual run options.
 *
 * @example
 * ```ts
 * const options: AgentRunOptions = { agent: analyst, input: "Summarise AAPL", limits: { maxCostUsd: 0.05 } };
 * ```
 */
export interface AgentRunOptions extends RunOptions {
  agent: Agent;
  input: string;
}

/**
 * A single agent step as a run of its own: limits, events, usage, cassette and transcript apply as in the
 * larger orchestrators. The handy way to use an `Agent` on its own.
 *
 * @example
 * ```ts
 * const outcome = await new AgentRun({ agent: analyst, input: "Summarise AAPL in one line." }).run();
 * console.log(outcome.result?.content);
 * ```
 */
export class AgentRun extends Orchestrator {
  readonly options: AgentRunOptions;
  private reply: AgentReply | undefined;

  constructor(options: AgentRunOptions) {
    super(options);
    this.options = options;
  }

  run(): Promise<RunResult<AgentReply, AgentReply | undefined>> {
    return this.execute(
      "agent",
      {},
      async (context) => {
        this.reply = await this.options.agent.step(this.options.input, context);
        return this.reply;
      },
      () => this.reply,
    );
  }
}
