import type { Agent } from "../agent/agent.js";
import type { Subtask } from "./plan-schema.js";

const stopWords = new Set([
  "the",
  "a",
  "an",
  "and",
  "or",
  "of",
  "to",
  "for",
  "in",
  "on",
  "with",
  "is",
  "be",
  "by",
]);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2 && !stopWords.has(word))
      .map((word) => word.replace(/(ing|ers|er|es|s)$/, "")),
  );
}

/**
 * Chooses the worker whose description fits a subtask best: the coordinator's named worker if it exists and is
 * not excluded, else the highest word overlap between the subtask and the worker's name, role and description,
 * ties going to the least loaded worker.
 *
 * @example
 * ```ts
 * const worker = assignWorker({ id: "code", description: "write Python code", dependsOn: [] }, workers, new Set(), load);
 * ```
 */
export function assignWorker(
  subtask: Subtask,
  workers: readonly Agent[],
  exclude: ReadonlySet<string>,
  load: ReadonlyMap<string, number>,
): Agent | undefined {
  const candidates = workers.filter((worker) => !exclude.has(worker.name));
  const named = candidates.find((worker) => worker.name === subtask.worker);
  if (named) return named;
  const wanted = words(subtask.description);
  let best: Agent | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const worker of candidates) {
    const offered = words(`${worker.name} ${worker.role} ${worker.description}`);
    let overlap = 0;
    for (const word of wanted) if (offered.has(word)) overlap++;
    const score = overlap * 1000 - (load.get(worker.name) ?? 0);
    if (score > bestScore) {
      best = worker;
      bestScore = score;
    }
  }
  return best;
}
