import type { OnboardingReport } from "@bedrock-keys/credentials";
import type { Style } from "./create-style.js";
import { formatDuration } from "./format-duration.js";
import { renderTable } from "./render-table.js";

/**
 * An onboarding report as plain JSON (ISO dates), for `onboard --json`. Holds only the redacted key and its
 * fingerprint, like the report itself.
 *
 * @example
 * ```ts
 * io.stdout.write(JSON.stringify(onboardingReportToJson(report), null, 2));
 * ```
 */
export function onboardingReportToJson(report: OnboardingReport): Record<string, unknown> {
  return {
    ...report,
    expiresAt: report.expiresAt?.toISOString() ?? null,
    verifiedAt: report.verifiedAt?.toISOString() ?? null,
    accountId: report.accountId ?? null,
  };
}

/**
 * An onboarding report as a table plus its warnings, for a person.
 *
 * @example
 * ```ts
 * io.stdout.write(renderOnboardingReport(report, io.now(), style));
 * ```
 */
export function renderOnboardingReport(report: OnboardingReport, now: Date, style: Style): string {
  const verified = report.models.filter((model) => model.access === "verified").map((model) => model.modelId);
  const denied = report.models.filter((model) => model.access === "denied").length;
  const rows: string[][] = [
    ["tenant", report.tenantId],
    ["key", report.redacted],
    ["kind", report.kind],
    ["fingerprint", report.fingerprint],
    ["region", report.region],
    [
      "expires",
      report.expiresAt === undefined
        ? "no expiry in the key"
        : `${report.expiresAt.toISOString()} (in ${formatDuration((report.expiresAt.getTime() - now.getTime()) / 1000)})`,
    ],
  ];
  if (report.accountId !== undefined) rows.push(["account", report.accountId]);
  rows.push([
    "verified",
    report.verifiedAt === undefined
      ? "no (stored without a live check)"
      : `${report.verifiedAt.toISOString()}${report.verifiedWith === undefined ? "" : ` with ${report.verifiedWith.operation} on ${report.verifiedWith.modelId}`}`,
  ]);
  rows.push([
    "models",
    report.models.length === 0
      ? "—"
      : `${report.models.length} listed${verified.length > 0 ? `, proven: ${verified.join(", ")}` : ""}${denied > 0 ? `, ${denied} denied` : ""}`,
  ]);
  if (report.retired.length > 0) rows.push(["retired", report.retired.join(", ")]);
  const lines = [renderTable({ rows })];
  for (const warning of report.warnings) lines.push(style.yellow(`! ${warning.message} [${warning.code}]`));
  return `${lines.join("\n")}\n`;
}
