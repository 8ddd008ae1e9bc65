import { fingerprintKey } from "@bedrock-keys/credentials";

/** A key as agents accept it: the raw string, or an object that knows its fingerprint (a `BedrockApiKey`). */
export type AgentApiKey = string | { readonly fingerprint: string };

/** The tenant label used when an agent has no key of its own (the model's ambient credentials). */
export const ambientTenant = "ambient";

/**
 * The tenant of an agent: its key's fingerprint (first 8 hex of SHA-256), or `"ambient"` without a key.
 * The key itself is never stored by the orchestrator outside the per-call `configurable`.
 *
 * @example
 * ```ts
 * resolveTenant("ABSK..."); // "3f2a9c1d"
 * ```
 */
export function resolveTenant(apiKey: AgentApiKey | undefined): string {
  if (apiKey === undefined) return ambientTenant;
  if (typeof apiKey === "string") return fingerprintKey(apiKey);
  return apiKey.fingerprint;
}
