import { redactSecrets } from "../format/redact-secrets.js";
import type { CliOutput } from "../io/cli-io.js";

/**
 * Prints an error for a person: the message and its stable code, the remediation when the error has one, and
 * the stack and cause chain only with `--debug`. Every line is passed through {@link redactSecrets}.
 *
 * @example
 * ```ts
 * reportError(error, io.stderr, { debug: false });
 * // error: The pasted text is an AWS access key id, not a Bedrock API key. [LOOKS_LIKE_ACCESS_KEY_ID]
 * ```
 */
export function reportError(error: unknown, stderr: CliOutput, options: { debug: boolean }): void {
  const lines: string[] = [];
  const { message, code, remediation, reason } = describeError(error);
  lines.push(`error: ${message}${code === undefined ? "" : ` [${code}]`}`);
  if (reason !== undefined) lines.push(`  reason: ${reason}`);
  if (remediation !== undefined && !message.includes(remediation)) lines.push(`  fix: ${remediation}`);
  if (options.debug) {
    let current: unknown = error;
    let depth = 0;
    while (current !== undefined && current !== null && depth < 8) {
      if (current instanceof Error && current.stack !== undefined) {
        lines.push(depth === 0 ? current.stack : `caused by: ${current.stack}`);
      } else if (depth > 0) {
        lines.push(`caused by: ${String(current)}`);
      }
      current = current instanceof Error ? current.cause : undefined;
      depth += 1;
    }
  }
  stderr.write(`${redactSecrets(lines.join("\n"))}\n`);
}

function describeError(error: unknown): {
  message: string;
  code?: string;
  remediation?: string;
  reason?: string;
} {
  if (typeof error !== "object" || error === null) return { message: String(error), code: "UNEXPECTED" };
  const record = error as {
    message?: unknown;
    code?: unknown;
    remediation?: unknown;
    name?: unknown;
    reason?: unknown;
  };
  const message =
    typeof record.message === "string" && record.message !== "" ? record.message : String(error);
  const code =
    typeof record.code === "string"
      ? record.code
      : typeof record.name === "string"
        ? record.name
        : "UNEXPECTED";
  const remediation =
    typeof record.remediation === "string" && record.remediation !== "" ? record.remediation : undefined;
  return {
    message,
    code,
    ...(remediation !== undefined && { remediation }),
    ...(typeof record.reason === "string" && { reason: record.reason }),
  };
}
