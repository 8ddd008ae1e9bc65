import type { Agent } from "../agent/agent.js";
import { sha256 } from "../util/hash.js";
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
 * not excluded, else the highest word overlap between the subtask and the worker's name, role and description.
 * Ties are spread over the tied workers by a hash of the subtask id — deterministic, so a replayed run assigns
 * exactly as the recorded one did, whatever order subtasks finished in.
 *
 * @example
 * ```ts
 * const worker = assignWorker({ id: "code", description: "write Python code", dependsOn: [] }, workers, new Set());
 * ```
 */
export function assignWorker(
  subtask: Subtask,
  workers: readonly Agent[],
  exclude: ReadonlySet<string>,
): Agent | undefined {
  const candidates = workers.filter((worker) => !exclude.has(worker.name));
  const named = candidates.find((worker) => worker.name === subtask.worker);
  if (named) return named;
  const wanted = words(subtask.description);
  let best: Agent[] = [];
  let bestScore = -1;
  for (const worker of candidates) {
    const offered = words(`${worker.name} ${worker.role} ${worker.description}`);
    let score = 0;
    for (const word of wanted) if (offered.has(word)) score++;
    if (score > bestScore) {
      best = [worker];
      bestScore = score;
    } else if (score === bestScore) {
      best.push(worker);
    }
  }
  return best[Number.parseInt(sha256(subtask.id, 8), 16) % Math.max(1, best.length)];
}
