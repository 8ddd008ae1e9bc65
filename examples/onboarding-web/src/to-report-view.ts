import type { OnboardingReport } from "@bedrock-keys/credentials";
import type { ReportView } from "./report-view.js";

/**
 * The page's view of an onboarding report: ISO dates, and the models the key may use (those onboarding did
 * not see refused), the proven one first.
 *
 * @example
 * ```ts
 * sendJson(response, 200, { ok: true, report: toReportView(report) });
 * ```
 */
export function toReportView(report: OnboardingReport): ReportView {
  const usable = report.models
    .filter((model) => model.access !== "denied")
    .sort((a, b) => Number(b.access === "verified") - Number(a.access === "verified"))
    .map((model) => model.modelId);
  return {
    tenantId: report.tenantId,
    kind: report.kind,
    redacted: report.redacted,
    fingerprint: report.fingerprint,
    region: report.region,
    ...(report.expiresAt !== undefined && { expiresAt: report.expiresAt.toISOString() }),
    ...(report.accountId !== undefined && { accountId: report.accountId }),
    ...(report.verifiedAt !== undefined && { verifiedAt: report.verifiedAt.toISOString() }),
    models: usable,
    warnings: report.warnings.map((warning) => warning.message),
  };
}
