import type { BedrockKeyRejectionReason } from "../../errors/bedrock-key-rejected-error.js";
import { BedrockKeysError, type BedrockKeysErrorOptions } from "../../errors/bedrock-keys-error.js";

/**
 * Why a live verification failed: one of Bedrock's key rejections (see `BedrockKeyRejectedError`), or
 * `UNVERIFIED` when Bedrock could not give an answer about the key (unreachable, throttled, failing).
 */
export type OnboardingFailureReason = BedrockKeyRejectionReason | "UNVERIFIED";

/** Fields of an {@link OnboardingVerificationError}. */
export interface OnboardingVerificationErrorDetails extends BedrockKeysErrorOptions {
  tenantId: string;
  fingerprint: string;
  reason: OnboardingFailureReason;
  remediation: string;
  /** The model the failing probe called. */
  modelId?: string;
}

/**
 * A pasted key parsed fine but failed its live check, so it was not stored
 * (`code: "ONBOARDING_VERIFICATION_FAILED"`). `reason` and `remediation` come from `explainBedrockError`;
 * `cause` is the sanitized `BedrockKeyRejectedError` (or a scrubbed copy of the transport error).
 *
 * @example
 * ```ts
 * try {
 *   await onboardKey({ tenantId: "acme", pasted, store });
 * } catch (error) {
 *   if (OnboardingVerificationError.isInstance(error)) showToCustomer(error.reason, error.remediation);
 * }
 * ```
 */
export class OnboardingVerificationError extends BedrockKeysError {
  static override readonly brand: string = "OnboardingVerificationError";
  declare readonly code: "ONBOARDING_VERIFICATION_FAILED";
  readonly tenantId: string;
  readonly fingerprint: string;
  readonly reason: OnboardingFailureReason;
  readonly remediation: string;
  readonly modelId: string | undefined;

  constructor(message: string, details: OnboardingVerificationErrorDetails) {
    super("ONBOARDING_VERIFICATION_FAILED", message, "cause" in details ? { cause: details.cause } : {});
    this.tenantId = details.tenantId;
    this.fingerprint = details.fingerprint;
    this.reason = details.reason;
    this.remediation = details.remediation;
    this.modelId = details.modelId;
  }
}
