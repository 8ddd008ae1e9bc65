import type { Principal } from "../auth/principal.js";
import { injectedError } from "../errors/fault-errors.js";
import type { ModelInfo } from "../model/types.js";
import type { QuotaReservation } from "../quotas/quota-limiter.js";
import type { EmulatorContext } from "../server/emulator-context.js";

/** `maxTokens` assumed for the quota reservation when a request sets none. */
export const DEFAULT_MAX_TOKENS = 4096;

/**
 * Admits a request against the key's per-model quotas, reserving its input tokens plus `maxTokens`.
 *
 * @example
 * ```ts
 * const reservation = admitQuota(context, principal, model, 120 + 4096);
 * ```
 */
export function admitQuota(
  context: EmulatorContext,
  principal: Principal,
  model: ModelInfo,
  reservedTokens: number,
): QuotaReservation {
  const reservation = context.quotas.admit(`${principal.fingerprint}|${model.modelId}`, reservedTokens);
  if (reservation === undefined) throw injectedError("throttling");
  return reservation;
}
