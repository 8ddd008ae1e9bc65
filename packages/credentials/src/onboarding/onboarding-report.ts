import type { BedrockApiKeyKind } from "../key/bedrock-api-key.js";

/** Whether onboarding proved that the key may call a model. */
export type ModelAccess = "verified" | "denied" | "unknown";

/**
 * A model the onboarded key can see, from ListFoundationModels, with what the probes proved about access.
 *
 * @example
 * ```ts
 * report.models.filter((model) => model.access === "verified").map((model) => model.modelId);
 * ```
 */
export interface OnboardingModel {
  modelId: string;
  name?: string;
  provider?: string;
  access: ModelAccess;
}

/** A stable code per warning, for UIs that localise or style them. */
export type OnboardingWarningCode = "SHORT_TERM_KEY" | "EXPIRES_SOON" | "NOT_VERIFIED" | "MODELS_NOT_LISTED";

/**
 * Something the customer should know about an accepted key.
 *
 * @example
 * ```ts
 * for (const warning of report.warnings) console.warn(`${warning.code}: ${warning.message}`);
 * ```
 */
export interface OnboardingWarning {
  code: OnboardingWarningCode;
  message: string;
}

/**
 * What `onboardKey` found out about a pasted key; it holds only the redacted key and its fingerprint, so it is
 * safe to show, log and return from an API.
 *
 * @example
 * ```ts
 * const report = await onboardKey({ tenantId: "acme", pasted, store });
 * console.log(report.redacted, report.kind, report.region, report.expiresAt, report.models.length);
 * ```
 */
export interface OnboardingReport {
  tenantId: string;
  kind: BedrockApiKeyKind;
  fingerprint: string;
  /** The key's redacted form, e.g. `ABSK…(3f2a9c1d)`. */
  redacted: string;
  region: string;
  expiresAt?: Date;
  accountId?: string;
  /** When the live check succeeded; absent with `verify: false`. */
  verifiedAt?: Date;
  /** The call that proved the key, e.g. `{ operation: "CountTokens", modelId: "…" }`. */
  verifiedWith?: { operation: "CountTokens" | "Converse"; modelId: string };
  models: OnboardingModel[];
  warnings: OnboardingWarning[];
  /** Fingerprints of the tenant's previous keys this onboarding retired. */
  retired: string[];
}
