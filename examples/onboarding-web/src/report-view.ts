/**
 * What the page shows for an accepted key. The key appears only as its redacted form and fingerprint.
 *
 * @example
 * ```ts
 * const view: ReportView = { tenantId: "acme", kind: "long-term", redacted: "ABSK…(3f2a9c1d)", fingerprint: "3f2a9c1d", models: [], warnings: [] };
 * ```
 */
export interface ReportView {
  tenantId: string;
  kind: "long-term" | "short-term";
  /** e.g. `ABSK…(3f2a9c1d)`. */
  redacted: string;
  fingerprint: string;
  region?: string;
  /** ISO 8601. */
  expiresAt?: string;
  accountId?: string;
  /** ISO 8601. */
  verifiedAt?: string;
  /** Model ids the key can call. */
  models: string[];
  warnings: string[];
}
