import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import { toFoundationModelSummary } from "./model-api.js";

/**
 * `GET /foundation-models` (the control plane's ListFoundationModels), with its `byProvider`,
 * `byOutputModality` and `byInferenceType` filters.
 *
 * @example
 * ```ts
 * listFoundationModels(exchange, context);
 * ```
 */
export function listFoundationModels(exchange: Exchange, context: EmulatorContext): void {
  const queryStart = exchange.url.indexOf("?");
  const query = new URLSearchParams(queryStart === -1 ? "" : exchange.url.slice(queryStart + 1));
  const provider = query.get("byProvider")?.toLowerCase();
  const outputModality = query.get("byOutputModality")?.toUpperCase();
  const inferenceType = query.get("byInferenceType")?.toUpperCase();
  const modelSummaries = context.models
    .map((model) => toFoundationModelSummary(model, context.region))
    .filter(
      (summary) =>
        (provider === undefined || summary.providerName.toLowerCase() === provider) &&
        (outputModality === undefined || summary.outputModalities.includes(outputModality)) &&
        (inferenceType === undefined || summary.inferenceTypesSupported.includes(inferenceType)),
    );
  exchange.sendJson(200, JSON.stringify({ modelSummaries }));
}
