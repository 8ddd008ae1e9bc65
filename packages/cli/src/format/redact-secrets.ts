/**
 * Anything that looks like a Bedrock API key (long-term `ABSK…` or short-term `bedrock-api-key-…`) or an AWS
 * secret-bearing query parameter. A last line of defence for messages we did not write ourselves.
 */
const SECRET_PATTERNS: RegExp[] = [
  /ABSK[A-Za-z0-9+/=_-]{8,}/g,
  /bedrock-api-key-[A-Za-z0-9+/=%_-]{8,}/g,
  /(X-Amz-(?:Signature|Security-Token|Credential)=)[^&\s"']+/gi,
  // Only token-shaped values after "Bearer": prose such as "(not a bearer key)" stays readable.
  /(Bearer\s+)[A-Za-z0-9+/=._~-]{16,}/gi,
];

/**
 * Replaces anything shaped like key material with `[redacted]`. Every line the CLI prints about an error goes
 * through it, so an error message from a dependency can never echo a pasted key.
 *
 * @example
 * ```ts
 * redactSecrets("bad key ABSKQmVkcm9ja0FQSUtleS1hYmNk"); // "bad key [redacted]"
 * ```
 */
export function redactSecrets(text: string): string {
  let result = text;
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (_match, prefix?: string) =>
      typeof prefix === "string" ? `${prefix}[redacted]` : "[redacted]",
    );
  }
  return result;
}
