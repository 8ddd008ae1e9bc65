import type { ScriptedResponse } from "./scripted-response.js";

/**
 * Queues of scripted replies per model id (canonical, or `"*"` for any model), consumed in order: a model's own
 * queue first, then the wildcard queue.
 *
 * @example
 * ```ts
 * const scripts = new ScriptQueue();
 * scripts.add("*", [{ text: "Hello" }]);
 * scripts.take("amazon.nova-lite-v1:0"); // => { text: "Hello" }
 * ```
 */
export class ScriptQueue {
  readonly #queues = new Map<string, ScriptedResponse[]>();
  #size = 0;

  add(modelId: string, responses: readonly ScriptedResponse[]): void {
    const queue = this.#queues.get(modelId) ?? [];
    queue.push(...responses);
    this.#queues.set(modelId, queue);
    this.#size += responses.length;
  }

  take(modelId: string): ScriptedResponse | undefined {
    if (this.#size === 0) return undefined;
    const response = this.#queues.get(modelId)?.shift() ?? this.#queues.get("*")?.shift();
    if (response !== undefined) this.#size -= 1;
    return response;
  }

  clear(): void {
    this.#queues.clear();
    this.#size = 0;
  }
}
