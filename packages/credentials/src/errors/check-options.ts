import type { z } from "zod";
import { InvalidOptionsError } from "./invalid-options-error.js";

/**
 * Checks a function's options against its strict zod schema, turning the first problem (an unknown option, a
 * wrong type) into an `InvalidOptionsError` naming the option. Range checks with friendlier messages stay with
 * each function. @internal
 */
export function checkOptions(schema: z.ZodType, options: unknown, functionName: string): void {
  const result = schema.safeParse(options);
  if (result.success) return;
  const issue = result.error.issues[0];
  if (issue === undefined) return;
  if (issue.code === "unrecognized_keys") {
    const names = issue.keys.join(", ");
    throw new InvalidOptionsError(
      issue.keys[0] ?? "options",
      `${functionName} does not take the option(s) ${names}. Check the spelling against its documentation.`,
    );
  }
  const option = issue.path.length > 0 ? issue.path.map(String).join(".") : "options";
  throw new InvalidOptionsError(option, `${functionName}: option ${option} is invalid (${issue.message}).`);
}
