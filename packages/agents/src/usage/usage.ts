/** Tokens, calls and cost, as attributed to an agent, task, tenant or run. */
export interface Usage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
}

/**
 * A zeroed {@link Usage}.
 *
 * @example
 * ```ts
 * const total = addUsage(emptyUsage(), { calls: 1, inputTokens: 10, outputTokens: 5, totalTokens: 15, costUsd: 0 });
 * ```
 */
export function emptyUsage(): Usage {
  return { calls: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 };
}

/**
 * Adds `delta` into `target` (mutating it) and returns `target`.
 *
 * @example
 * ```ts
 * addUsage(total, callUsage);
 * ```
 */
export function addUsage(target: Usage, delta: Usage): Usage {
  target.calls += delta.calls;
  target.inputTokens += delta.inputTokens;
  target.outputTokens += delta.outputTokens;
  target.totalTokens += delta.totalTokens;
  target.costUsd += delta.costUsd;
  return target;
}
