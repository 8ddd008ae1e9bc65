import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  type AIMessage,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { callModel, type ModelResult } from "../model/call-model.js";
import { messageText } from "../model/message-text.js";
import { type AgentApiKey, resolveTenant } from "../model/resolve-tenant.js";
import type { RunContext } from "../run/run-context.js";
import { addUsage, emptyUsage, type Usage } from "../usage/usage.js";
import { trimToTokenBudget } from "./memory-window.js";
import { runToolCall } from "./run-tool-call.js";

/**
 * Options of an {@link Agent}.
 *
 * @example
 * ```ts
 * const options: AgentOptions = { name: "analyst", model, systemPrompt: "You analyse stocks.", apiKey: tenantKey };
 * ```
 */
export interface AgentOptions {
  name: string;
  role?: string;
  /** What the agent is good at; the Workforce assigns subtasks by matching it. */
  description?: string;
  systemPrompt?: string;
  /** Any LangChain chat model (e.g. `ChatBedrockKey`). */
  model: BaseChatModel;
  tools?: StructuredToolInterface[];
  /** Conversation memory trimmed to a token budget (default 4000 tokens); `false` keeps none. */
  memory?: { maxTokens?: number } | false;
  /** This agent's key (a tenant's), passed per call as `configurable.apiKey`. */
  apiKey?: AgentApiKey;
  /** Model/tool rounds per step (default 5). */
  maxToolRounds?: number;
  /** Output tokens reserved in the rate limiter per call. */
  maxOutputTokens?: number;
  /** Stream replies and emit `token` events. */
  stream?: boolean;
}

/** What one {@link Agent.step} produced. */
export interface AgentReply {
  content: string;
  message: AIMessage;
  /** The exchange of this step (input, tool rounds, reply), as remembered. */
  turn: BaseMessage[];
  usage: Usage;
}

/**
 * A named LangChain chat model with a role, a bounded tool loop, a token-budgeted memory window and an optional
 * per-agent (per-tenant) key. The key is held in a private field: it never appears in JSON, events or logs.
 *
 * @example
 * ```ts
 * const analyst = new Agent({ name: "analyst", model, systemPrompt: "You analyse stocks.", apiKey });
 * const reply = await analyst.step("Summarise AAPL in one line.", context);
 * ```
 */
export class Agent {
  readonly name: string;
  readonly role: string;
  readonly description: string;
  readonly systemPrompt: string;
  readonly model: BaseChatModel;
  readonly tools: readonly StructuredToolInterface[];
  /** The key fingerprint this agent runs under (`"ambient"` without a key). */
  readonly tenant: string;
  readonly #apiKey: AgentApiKey | undefined;
  readonly #options: AgentOptions;
  readonly #bound: Runnable | undefined;
  #history: BaseMessage[] = [];

  constructor(options: AgentOptions) {
    if (!options.name) throw new InvalidOptionsError("An agent needs a non-empty name.");
    this.name = options.name;
    this.role = options.role ?? options.name;
    this.description = options.description ?? options.role ?? "";
    this.systemPrompt = options.systemPrompt ?? "";
    this.model = options.model;
    this.tools = options.tools ?? [];
    this.#apiKey = options.apiKey;
    this.tenant = resolveTenant(options.apiKey);
    this.#options = options;
    if (this.tools.length > 0) {
      if (typeof options.model.bindTools !== "function") {
        throw new InvalidOptionsError(
          `Agent "${this.name}" has tools but its model does not support bindTools().`,
        );
      }
      this.#bound = options.model.bindTools([...this.tools]) as Runnable;
    }
  }

  /** The remembered conversation (without the system prompt). */
  get history(): readonly BaseMessage[] {
    return this.#history;
  }

  /** Appends an exchange to memory (e.g. the candidate a critic chose, from `step(..., { commit: false })`). */
  remember(turn: readonly BaseMessage[]): void {
    if (this.#options.memory !== false) this.#history.push(...turn);
  }

  /** Forgets the conversation. */
  reset(): void {
    this.#history = [];
  }

  /**
   * One turn: sends `input` (with the system prompt and the memory window), runs requested tools for up to
   * `maxToolRounds` rounds, remembers the exchange and returns the final reply.
   */
  async step(
    input: string,
    context: RunContext,
    options: { taskId?: string; stateless?: boolean; commit?: boolean; system?: string } = {},
  ): Promise<AgentReply> {
    const remember = this.#options.memory !== false && !options.stateless;
    const system = options.system ?? this.systemPrompt;
    const window = remember ? trimToTokenBudget(this.#history, this.memoryTokens()) : [];
    const turn: BaseMessage[] = [new HumanMessage(input)];
    const usage = emptyUsage();
    const taskId = options.taskId;
    context.emit("agent-start", { agent: this.name, tenant: this.tenant, ...(taskId ? { taskId } : {}) });
    let reply: AIMessage | undefined;
    const rounds = this.#options.maxToolRounds ?? 5;
    for (let round = 0; round <= rounds; round++) {
      const result = await this.invokeModel(
        context,
        [...(system ? [new SystemMessage(system)] : []), ...window, ...turn],
        {
          runnable: this.#bound,
          tools: this.tools.map((tool) => tool.name),
          taskId,
        },
      );
      reply = result.message;
      addUsage(usage, result.usage);
      turn.push(reply);
      const calls = reply.tool_calls ?? [];
      if (calls.length === 0 || round === rounds) break;
      for (const call of calls) {
        const output = await runToolCall(context, this, call);
        turn.push(new ToolMessage({ content: output, tool_call_id: call.id ?? call.name, name: call.name }));
      }
    }
    const message = reply as AIMessage;
    const content = messageText(message);
    if (remember && options.commit !== false) this.#history.push(...turn);
    context.emit("message", {
      agent: this.name,
      tenant: this.tenant,
      role: "assistant",
      content,
      ...(taskId ? { taskId } : {}),
    });
    context.emit("agent-end", {
      agent: this.name,
      tenant: this.tenant,
      usage,
      ...(taskId ? { taskId } : {}),
    });
    return { content, message, turn, usage };
  }

  /**
   * One raw model call under this agent's name, key and limits (no memory, no tool loop): used by orchestrators
   * for planning and structured output. `runnable` replaces the model (e.g. `withStructuredOutput`).
   */
  invokeModel(
    context: RunContext,
    messages: BaseMessage[],
    options: { runnable?: Runnable | undefined; tools?: string[]; taskId?: string | undefined } = {},
  ): Promise<ModelResult> {
    return callModel(context, {
      agent: this.name,
      tenant: this.tenant,
      apiKey: this.#apiKey,
      model: this.model,
      runnable: options.runnable,
      tools: options.tools,
      messages,
      taskId: options.taskId,
      maxOutputTokens: this.#options.maxOutputTokens,
      stream: this.#options.stream && (options.runnable === undefined || options.runnable === this.#bound),
    });
  }

  /** Serializes to name, role, description and tenant fingerprint only. */
  toJSON(): { name: string; role: string; description: string; tenant: string } {
    return { name: this.name, role: this.role, description: this.description, tenant: this.tenant };
  }

  private memoryTokens(): number {
    const memory = this.#options.memory;
    return memory === false ? 0 : (memory?.maxTokens ?? 4000);
  }
}
