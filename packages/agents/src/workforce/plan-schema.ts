import { z } from "zod";

/** How many subtasks a plan may hold unless the Workforce says otherwise (`maxSubtasks`). */
export const DEFAULT_MAX_SUBTASKS = 24;

const schemas = new Map<number, ReturnType<typeof buildPlanSchema>>();

function buildPlanSchema(maxSubtasks: number) {
  return z.object({
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
      .max(maxSubtasks),
  });
}

/**
 * The coordinator's plan: subtasks with ids, descriptions, dependencies and an optional preferred worker, at most
 * `maxSubtasks` of them (one schema per size, built once).
 *
 * @example
 * ```ts
 * planSchema(24).safeParse({ subtasks: [{ id: "a", description: "research" }] }).success; // true
 * ```
 */
export function planSchema(maxSubtasks: number = DEFAULT_MAX_SUBTASKS) {
  let schema = schemas.get(maxSubtasks);
  if (!schema) {
    schema = buildPlanSchema(maxSubtasks);
    schemas.set(maxSubtasks, schema);
  }
  return schema;
}

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
  maxSubtasks: number = DEFAULT_MAX_SUBTASKS,
): Subtask[] | undefined {
  const parsed = planSchema(maxSubtasks).safeParse(candidate);
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
