import { CliUsageError } from "../errors/cli-usage-error.js";

/**
 * Parses a whole-number option within bounds, with a usage error (exit code 2) otherwise.
 *
 * @example
 * ```ts
 * parseCount("50", "--agents", { min: 1, max: 1000 }); // 50
 * ```
 */
export function parseCount(text: string, optionName: string, bounds: { min: number; max: number }): number {
  const value = /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new CliUsageError(`${optionName} must be a whole number from ${bounds.min} to ${bounds.max}.`, {
      code: "INVALID_OPTION",
    });
  }
  return value;
}
