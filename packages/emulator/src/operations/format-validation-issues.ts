import type { z } from "zod";

/**
 * Formats schema issues the way Bedrock's (coral) validation reports them, e.g.
 * `1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must
 * have value greater than or equal to 1`. List indexes are 1-based and followed by `.member`, as in coral paths.
 *
 * @example
 * ```ts
 * formatValidationIssues(result.error.issues, body);
 * ```
 */
export function formatValidationIssues(issues: readonly z.core.$ZodIssue[], body: unknown): string {
  const shown = issues.slice(0, 5).map((issue) => describeIssue(issue, body));
  const count = issues.length;
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${shown.join("; ")}`;
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const path = issue.path
    .map((segment) => (typeof segment === "number" ? `${segment + 1}.member` : String(segment)))
    .join(".");
  const value = valueAt(body, issue.path);
  const valueText = value === undefined ? "" : ` '${describeValue(value)}'`;
  return `Value${valueText} at '${path}' failed to satisfy constraint: ${constraintOf(issue, value)}`;
}

function constraintOf(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined || value === null
        ? "Member must not be null"
        : `Member must be of type ${issue.expected}`;
    case "too_small":
      return issue.origin === "number" || issue.origin === "int"
        ? `Member must have value greater than or equal to ${issue.minimum}`
        : `Member must have length greater than or equal to ${issue.minimum}`;
    case "too_big":
      return issue.origin === "number" || issue.origin === "int"
        ? `Member must have value less than or equal to ${issue.maximum}`
        : `Member must have length less than or equal to ${issue.maximum}`;
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue
        ? `Member must satisfy regular expression pattern: ${patternOf(issue.pattern)}`
        : "Member must satisfy the required format";
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "invalid_union":
      return "Member must be exactly one of the members the union allows";
    default:
      return "Member must be valid";
  }
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return value.length > 64 ? `${value.slice(0, 64)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : "[...]";
  return value === null ? "null" : "{...}";
}

function patternOf(pattern: unknown): string {
  const source =
    pattern instanceof RegExp ? pattern.source : String(pattern).replace(/^\/(.*)\/[a-z]*$/, "$1");
  return source.replace(/^\^|\$$/g, "");
}
