/**
 * Whether a principal's `allowedModels` list covers a model. Entries are canonical model ids, inference-profile
 * ids (`us.anthropic…`, matched without their prefix) or patterns ending in `*`.
 *
 * @example
 * ```ts
 * isModelAllowed(["anthropic.*"], "anthropic.claude-3-5-haiku-20241022-v1:0") // => true
 * ```
 */
export function isModelAllowed(allowedModels: readonly string[] | undefined, modelId: string): boolean {
  if (allowedModels === undefined) return true;
  for (const entry of allowedModels) {
    const bare = entry.replace(/^(us|eu|apac|global|us-gov|ca|jp|au)\./, "");
    if (entry === "*" || entry === modelId || bare === modelId) return true;
    if (
      entry.endsWith("*") &&
      (modelId.startsWith(entry.slice(0, -1)) || modelId.startsWith(bare.slice(0, -1)))
    ) {
      return true;
    }
  }
  return false;
}
