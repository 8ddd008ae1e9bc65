/** USD per million tokens for one model. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Prices by foundation model id (without a `us.`/`eu.`/`apac.`/`global.` profile prefix). */
export type PriceTable = Record<string, ModelPrice>;

/**
 * On-demand list prices (USD per 1M tokens, us-east-1) for the models the emulator serves. Override or extend
 * with the `prices` option; unknown models use `fallback` so a cost budget is never silently unenforced.
 *
 * @example
 * ```ts
 * const prices = { ...defaultPriceTable, "my.model-v1:0": { inputPerMillion: 1, outputPerMillion: 2 } };
 * ```
 */
export const defaultPriceTable: PriceTable = {
  "anthropic.claude-3-5-haiku-20241022-v1:0": { inputPerMillion: 0.8, outputPerMillion: 4 },
  "anthropic.claude-sonnet-4-20250514-v1:0": { inputPerMillion: 3, outputPerMillion: 15 },
  "amazon.nova-lite-v1:0": { inputPerMillion: 0.06, outputPerMillion: 0.24 },
  "amazon.nova-pro-v1:0": { inputPerMillion: 0.8, outputPerMillion: 3.2 },
  "meta.llama3-1-8b-instruct-v1:0": { inputPerMillion: 0.22, outputPerMillion: 0.22 },
  fallback: { inputPerMillion: 3, outputPerMillion: 15 },
};

/**
 * The USD cost of one call: looks the model up without its inference-profile prefix, else `fallback`.
 *
 * @example
 * ```ts
 * costOf("us.amazon.nova-lite-v1:0", 1000, 500, defaultPriceTable); // 0.00018
 * ```
 */
export function costOf(
  modelId: string,
  inputTokens: number,
  outputTokens: number,
  prices: PriceTable,
): number {
  const bare = modelId.replace(/^(us|eu|apac|global|us-gov|jp|au)\./, "");
  const price = prices[modelId] ??
    prices[bare] ??
    prices.fallback ?? { inputPerMillion: 0, outputPerMillion: 0 };
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
