import type { BedrockApiKey } from "../key/bedrock-api-key.js";
import type { OnboardingWarning } from "./onboarding-report.js";

const DAY_MS = 86_400_000;

/**
 * The warnings a key deserves at onboarding: a short-term key (it lives hours, so suggest a long-term key or
 * minting from AWS credentials), and any key that expires within 7 days.
 *
 * @example
 * ```ts
 * keyWarnings(parseBedrockApiKey(pasted), undefined, new Date()); // [{ code: "SHORT_TERM_KEY", message: "…" }]
 * ```
 */
export function keyWarnings(key: BedrockApiKey, expiresAt: Date | undefined, now: Date): OnboardingWarning[] {
  const warnings: OnboardingWarning[] = [];
  const remainingMs = expiresAt === undefined ? undefined : expiresAt.getTime() - now.getTime();
  if (key.kind === "short-term") {
    const hours = remainingMs === undefined ? "a few" : (remainingMs / 3_600_000).toFixed(1);
    warnings.push({
      code: "SHORT_TERM_KEY",
      message:
        `This is a short-term key: it stops working in ${hours} hours. For lasting access paste a long-term key ` +
        "(ABSK…), or let the platform mint short-term keys from AWS credentials (fromAwsCredentials).",
    });
  }
  if (remainingMs !== undefined && remainingMs < 7 * DAY_MS && key.kind === "long-term") {
    warnings.push({
      code: "EXPIRES_SOON",
      message: `This key expires in ${Math.max(0, Math.floor(remainingMs / DAY_MS))} days (${expiresAt?.toISOString()}). Create a new key before then and rotate to it.`,
    });
  }
  return warnings;
}
