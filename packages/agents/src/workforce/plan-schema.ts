import { z } from "zod";

/** The coordinator's plan: subtasks with ids, descriptions, dependencies and an optional preferred worker. */
export const planSchema = z.object({
  subtasks: z
    .array(
      z.object({
        id: z.string().min(1).describe("short unique id, e.g. 'research'"),
        description: z.string().min(1).describe("what to do, self-contained"),
        dependsOn: z.array(z.string()).default([]).describe("ids of subtasks whose results this one needs"),
        worker: z.string().optional().describe("name of the best-suited worker"),
      }),
    )
    .min(1)
    .max(24),
});

/** One subtask of a {@link Workforce} plan. */
export interface Subtask {
  id: string;
  description: string;
  dependsOn: string[];
  worker?: string;
}

/**
 * Validates a candidate plan: the zod schema, unique ids, dependencies on its own or `known` (completed) ids only
 * (unknown ones dropped) and no cycles. Returns `undefined` for anything unusable, so the caller can fall back.
 *
 * @example
 * ```ts
 * validatePlan({ subtasks: [{ id: "a", description: "research", dependsOn: [] }] });
 * ```
 */
export function validatePlan(
  candidate: unknown,
  known: ReadonlySet<string> = new Set(),
): Subtask[] | undefined {
  const parsed = planSchema.safeParse(candidate);
  if (!parsed.success) return undefined;
  const ids = new Set<string>();
  for (const subtask of parsed.data.subtasks) {
    if (ids.has(subtask.id)) return undefined;
    ids.add(subtask.id);
  }
  const subtasks: Subtask[] = parsed.data.subtasks.map((subtask) => ({
    id: subtask.id,
    description: subtask.description,
    dependsOn: subtask.dependsOn.filter((id) => (ids.has(id) || known.has(id)) && id !== subtask.id),
    ...(subtask.worker ? { worker: subtask.worker } : {}),
  }));
  return hasCycle(subtasks) ? undefined : subtasks;
}

function hasCycle(subtasks: readonly Subtask[]): boolean {
  const byId = new Map(subtasks.map((subtask) => [subtask.id, subtask]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string): boolean => {
    if (state.get(id) === "done" || !byId.has(id)) return false;
    if (state.get(id) === "visiting") return true;
    state.set(id, "visiting");
    const cyclic = (byId.get(id)?.dependsOn ?? []).some(visit);
    state.set(id, "done");
    return cyclic;
  };
  return subtasks.some((subtask) => visit(subtask.id));
}
