import { CliUsageError } from "../errors/cli-usage-error.js";

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Parses a command-line duration such as `12h`, `90m`, `3600s` or `3600` (seconds) into seconds.
 *
 * @example
 * ```ts
 * parseDuration("12h", "--expires"); // 43200
 * ```
 */
export function parseDuration(text: string, optionName: string): number {
  const match = /^\s*(\d{1,9})\s*([smhd]?)\s*$/i.exec(text);
  if (match === null) {
    throw new CliUsageError(`${optionName} must be a duration like 12h, 90m or 3600s.`, {
      code: "INVALID_DURATION",
    });
  }
  const unit = (match[2] ?? "").toLowerCase();
  return Number(match[1]) * (UNITS[unit] ?? 1);
}
