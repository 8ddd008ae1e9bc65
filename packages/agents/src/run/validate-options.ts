import { z } from "zod";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";

const count = z.number().int().positive();

const limitsSchema = z
  .object({
    maxTurns: count.optional(),
    maxSteps: count.optional(),
    deadline: z.union([z.date(), z.number().nonnegative()]).optional(),
    timeoutMs: z.number().positive().optional(),
    maxTokens: count.optional(),
    maxCostUsd: z.number().positive().optional(),
    warnAt: z.number().gt(0).lte(1).optional(),
  })
  .strict();

const numbersSchema = z
  .object({
    concurrency: count.optional(),
    maxRetries: z.number().int().nonnegative().optional(),
    maxReplans: z.number().int().nonnegative().optional(),
    maxTransientRetries: z.number().int().nonnegative().optional(),
    candidates: count.optional(),
    ticks: count.optional(),
    seed: z.number().int().optional(),
    maxToolRounds: z.number().int().nonnegative().optional(),
  })
  .partial();

/**
 * Checks the limits and numeric options every orchestrator shares (strict: unknown limit names are rejected),
 * throwing {@link InvalidOptionsError} with every problem listed.
 *
 * @example
 * ```ts
 * validateRunOptions({ limits: { maxTurns: 0 } }); // throws INVALID_OPTIONS: limits.maxTurns: ...
 * ```
 */
export function validateRunOptions(options: { limits?: unknown } & Record<string, unknown>): void {
  const problems: string[] = [];
  if (options.limits !== undefined) {
    const limits = limitsSchema.safeParse(options.limits);
    if (!limits.success)
      problems.push(
        ...limits.error.issues.map((issue) => `limits.${issue.path.join(".")}: ${issue.message}`),
      );
  }
  const numbers = numbersSchema.safeParse(pickNumbers(options));
  if (!numbers.success)
    problems.push(...numbers.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  if (problems.length > 0) throw new InvalidOptionsError(`Invalid options: ${problems.join("; ")}.`);
}

function pickNumbers(options: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(numbersSchema.shape))
    if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}
