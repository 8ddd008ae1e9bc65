import { EventEmitter } from "eventemitter3";
import type { AgentEvent, AgentEventListeners, AgentEvents } from "./agent-events.js";

const eventNames: Array<keyof AgentEvents> = [
  "run-start",
  "run-end",
  "agent-start",
  "agent-end",
  "message",
  "token",
  "tool-start",
  "tool-end",
  "task-created",
  "task-assigned",
  "task-completed",
  "task-failed",
  "task-retried",
  "tick-start",
  "tick-end",
  "usage",
  "throttled",
  "budget-warning",
  "budget-exceeded",
  "error",
];

/**
 * A typed eventemitter3 emitter for {@link AgentEvents}, plus `events()`: an async iterator over the same events
 * that ends after `run-end`.
 *
 * @example
 * ```ts
 * const emitter = new RunEmitter();
 * emitter.on("message", (event) => console.log(event.agent, event.content));
 * for await (const event of emitter.events()) if (event.type === "usage") console.log(event.usage);
 * ```
 */
export class RunEmitter extends EventEmitter<AgentEventListeners> {
  /** Emits `event` to listeners and to every open `events()` iterator. */
  publish<K extends keyof AgentEvents>(type: K, event: AgentEvents[K]): void {
    for (const sink of this.sinks) sink({ type, ...event } as AgentEvent);
    (this.emit as (name: K, payload: AgentEvents[K]) => boolean)(type, event);
  }

  /** Calls `sink` synchronously with every event (tagged with its `type`); returns an unsubscribe function. */
  subscribe(sink: (event: AgentEvent) => void): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** An async iterator of every event from now until `run-end` (inclusive). */
  events(): AsyncIterableIterator<AgentEvent> {
    const buffer: AgentEvent[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const sink = (event: AgentEvent): void => {
      buffer.push(event);
      if (event.type === "run-end") {
        done = true;
        this.sinks.delete(sink);
      }
      wake?.();
    };
    this.sinks.add(sink);
    const iterator: AsyncIterableIterator<AgentEvent> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        while (buffer.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
        const value = buffer.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        done = true;
        buffer.length = 0;
        this.sinks.delete(sink);
        return { value: undefined, done: true };
      },
    };
    return iterator;
  }

  /** The names of every event this emitter can publish. */
  static readonly eventNames: ReadonlyArray<keyof AgentEvents> = eventNames;

  private readonly sinks = new Set<(event: AgentEvent) => void>();
}
