import type { Agent, AgentReply } from "../agent/agent.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import { Orchestrator } from "../run/orchestrator.js";
import type { RunContext, RunOptions } from "../run/run-context.js";
import type { RunResult } from "../run/run-result.js";
import { type CriticCallback, chooseCandidate } from "./choose-candidate.js";
import { ConversationGuards, type GuardOptions } from "./conversation-guards.js";
import {
  assistantSystemPrompt,
  type RolePromptInput,
  specifierPrompt,
  userSystemPrompt,
} from "./role-prompts.js";

/**
 * Options of a {@link RolePlaying} run.
 *
 * @example
 * ```ts
 * const options: RolePlayingOptions = { task: "Develop a trading bot for the stock market", user, assistant };
 * ```
 */
export interface RolePlayingOptions extends RunOptions {
  task: string;
  /** The AI user: gives instructions. */
  user: Agent;
  /** The AI assistant: solves them. */
  assistant: Agent;
  userRole?: string;
  assistantRole?: string;
  /** Sharpens the task before the conversation starts. */
  taskSpecifier?: Agent;
  specifyWordLimit?: number;
  /** Chooses among candidate messages each turn: an agent, or a (human) callback. */
  critic?: Agent | CriticCallback;
  /** Candidate messages per speaker per turn when a critic is set (default 2). */
  candidates?: number;
  terminationToken?: string;
  guards?: GuardOptions;
}

/** One exchange of a role-play. */
export interface RolePlayingTurn {
  turn: number;
  instruction: string;
  response: string;
}

/** What a role-play produced (also the partial result when it stops early). */
export interface RolePlayingResult {
  task: string;
  specifiedTask: string;
  turns: RolePlayingTurn[];
  /** The assistant's last solution (termination token removed). */
  finalAnswer: string;
  terminatedBy?: "user" | "assistant";
}

/**
 * CAMEL-style role-play: an AI user instructs, an AI assistant solves, until the termination token (default
 * `<TASK_DONE>`), a limit (`maxTurns` 20 by default), or a guard (role flip, echo, loop) ends it.
 *
 * @example
 * ```ts
 * const session = new RolePlaying({ task: "Develop a trading bot", user, assistant, limits: { maxTurns: 8 } });
 * session.on("message", (event) => console.log(`${event.agent}: ${event.content}`));
 * const outcome = await session.run();
 * ```
 */
export class RolePlaying extends Orchestrator {
  readonly options: RolePlayingOptions;
  private progress: RolePlayingResult;

  constructor(options: RolePlayingOptions) {
    super(options);
    if (!options.task.trim()) throw new InvalidOptionsError("RolePlaying needs a non-empty task.");
    if (options.user.name === options.assistant.name) {
      throw new InvalidOptionsError("The AI user and the AI assistant need different names.");
    }
    this.options = options;
    this.progress = { task: options.task, specifiedTask: options.task, turns: [], finalAnswer: "" };
  }

  run(): Promise<RunResult<RolePlayingResult>> {
    this.progress = { task: this.options.task, specifiedTask: this.options.task, turns: [], finalAnswer: "" };
    return this.execute(
      "role-playing",
      {},
      (context) => this.converse(context),
      () => structuredClone(this.progress),
    );
  }

  private async converse(context: RunContext): Promise<RolePlayingResult> {
    const { user, assistant } = this.options;
    const token = this.options.terminationToken ?? "<TASK_DONE>";
    const prompt: RolePromptInput = {
      userRole: this.options.userRole ?? user.role,
      assistantRole: this.options.assistantRole ?? assistant.role,
      task: this.options.task,
      terminationToken: token,
    };
    if (this.options.taskSpecifier) {
      const limit = this.options.specifyWordLimit ?? 50;
      const reply = await this.options.taskSpecifier.step(specifierPrompt(prompt, limit), context, {
        stateless: true,
      });
      prompt.task = reply.content.trim() || prompt.task;
      this.progress.specifiedTask = prompt.task;
    }
    const guards = new ConversationGuards(this.options.guards);
    const userSystem = userSystemPrompt(prompt);
    const assistantSystem = assistantSystemPrompt(prompt);
    let toUser = `Now start to give me instructions one by one. Only reply with Instruction and Input.`;
    for (let turn = 1; ; turn++) {
      context.budget.beginTurn();
      const instruction = await this.speak(context, user, toUser, userSystem, "user", turn, prompt.userRole);
      if (instruction.includes(token)) return this.finish("user");
      if (guards.record("user", instruction)) throw new RunStoppedError("loop", "the AI user repeats itself");
      const response = await this.speak(
        context,
        assistant,
        instruction,
        assistantSystem,
        "assistant",
        turn,
        prompt.assistantRole,
      );
      const answer = response.replace(token, "").trim();
      this.progress.turns.push({ turn, instruction, response: answer });
      if (answer) this.progress.finalAnswer = answer;
      if (response.includes(token)) return this.finish("assistant");
      if (guards.record("assistant", response))
        throw new RunStoppedError("loop", "the AI assistant repeats itself");
      toUser = response;
    }
  }

  /** One message of one side, with candidates + critic, and one corrective retry for role flips and echoes. */
  private async speak(
    context: RunContext,
    agent: Agent,
    input: string,
    system: string,
    speaker: "user" | "assistant",
    turn: number,
    role: string,
  ): Promise<string> {
    const guards = new ConversationGuards(this.options.guards);
    let prompt = input;
    for (let attempt = 0; attempt < 2; attempt++) {
      const reply = await this.candidate(context, agent, prompt, system, speaker, turn, role);
      const violation = guards.inspect(speaker, reply.content, speaker === "assistant" ? input : undefined);
      if (!violation) {
        agent.remember(reply.turn);
        return reply.content;
      }
      if (attempt === 1) throw new RunStoppedError(violation, `${agent.name} at turn ${turn}`);
      prompt =
        violation === "echo"
          ? `${input}\n\n(Do not repeat the instruction back. Start with "Solution:" and actually solve it.)`
          : `${input}\n\n(Remember: you are the ${role}. Never flip roles.)`;
    }
    throw new RunStoppedError("role-flip");
  }

  private async candidate(
    context: RunContext,
    agent: Agent,
    input: string,
    system: string,
    speaker: "user" | "assistant",
    turn: number,
    role: string,
  ): Promise<AgentReply> {
    const critic = this.options.critic;
    const count = critic ? Math.max(1, this.options.candidates ?? 2) : 1;
    const replies: AgentReply[] = [];
    for (let index = 0; index < count; index++) {
      replies.push(await agent.step(input, context, { system, commit: false }));
    }
    if (!critic || replies.length === 1) return replies[0] as AgentReply;
    const contents = replies.map((reply) => reply.content);
    const chosen = await chooseCandidate(context, critic, contents, { turn, speaker, role });
    return replies[chosen] as AgentReply;
  }

  private finish(by: "user" | "assistant"): RolePlayingResult {
    this.progress.terminatedBy = by;
    return structuredClone(this.progress);
  }
}
