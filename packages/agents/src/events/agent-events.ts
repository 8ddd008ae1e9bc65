import type { StopReason } from "../errors/run-stopped-error.js";
import type { Usage } from "../usage/usage.js";

/** Fields every event carries. `tenant` is a key fingerprint, never key material. */
export interface EventBase {
  runId: string;
  /** Clock time in ms. */
  time: number;
  agent?: string;
  tenant?: string;
}

/** The status a run ends with. */
export type RunStatus = "completed" | "stopped" | "failed";

/**
 * Every event an orchestrator emits, by name. Listen with `run.on(name, listener)` or iterate with
 * `for await (const event of run.events())`.
 *
 * @example
 * ```ts
 * run.on("usage", (event: AgentEvents["usage"]) => console.log(event.agent, event.usage.costUsd));
 * ```
 */
export interface AgentEvents {
  "run-start": EventBase & { kind: string };
  "run-end": EventBase & { status: RunStatus; reason?: StopReason; usage: Usage };
  "agent-start": EventBase & { agent: string; taskId?: string };
  "agent-end": EventBase & { agent: string; taskId?: string; usage: Usage };
  message: EventBase & {
    agent: string;
    role: "user" | "assistant" | "system" | "tool";
    content: string;
    taskId?: string;
  };
  token: EventBase & { agent: string; text: string };
  "tool-start": EventBase & { agent: string; tool: string; input: unknown };
  "tool-end": EventBase & { agent: string; tool: string; output: string; error?: string };
  "task-created": EventBase & { taskId: string; description: string; dependsOn: string[] };
  "task-assigned": EventBase & { taskId: string; agent: string };
  "task-completed": EventBase & { taskId: string; agent: string; result: string; usage: Usage };
  "task-failed": EventBase & { taskId: string; agent: string; attempt: number; error: string };
  "task-retried": EventBase & { taskId: string; agent: string; attempt: number };
  "tick-start": EventBase & { tick: number };
  "tick-end": EventBase & { tick: number; actions: number; invalid: number; usage: Usage };
  usage: EventBase & { agent: string; tenant: string; modelId: string; taskId?: string; usage: Usage };
  throttled: EventBase & {
    agent: string;
    tenant: string;
    modelId: string;
    attempt: number;
    waitMs: number;
    error: string;
  };
  "budget-warning": EventBase & { limit: StopReason; used: number; max: number };
  "budget-exceeded": EventBase & { limit: StopReason; used: number; max: number };
  error: EventBase & { error: { name: string; code?: string; message: string } };
}

/** Any event, tagged with its name, as yielded by `events()`. */
export type AgentEvent = { [K in keyof AgentEvents]: { type: K } & AgentEvents[K] }[keyof AgentEvents];

/** The listener signature map eventemitter3 expects. */
export type AgentEventListeners = { [K in keyof AgentEvents]: (event: AgentEvents[K]) => void };
