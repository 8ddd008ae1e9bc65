import type { KeyRecord } from "@bedrock-keys/credentials";
import { formatDuration } from "./format-duration.js";
import { renderTable } from "./render-table.js";

/**
 * A key record as JSON-friendly data (ISO dates, `null` for unknown), for `keys … --json`.
 *
 * @example
 * ```ts
 * JSON.stringify((await store.list()).map(recordToJson));
 * ```
 */
export function recordToJson(record: KeyRecord): Record<string, string | null> {
  return {
    tenantId: record.tenantId,
    status: record.status,
    kind: record.kind,
    fingerprint: record.fingerprint,
    region: record.region ?? null,
    expiresAt: record.expiresAt?.toISOString() ?? null,
    accountId: record.accountId ?? null,
    createdAt: record.createdAt.toISOString(),
    verifiedAt: record.verifiedAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    statusChangedAt: record.statusChangedAt?.toISOString() ?? null,
  };
}

/**
 * Key records as a table: one row per key, metadata only (the store never returns secrets here).
 *
 * @example
 * ```ts
 * io.stdout.write(renderKeyRecords(await store.list(), new Date()));
 * ```
 */
export function renderKeyRecords(records: readonly KeyRecord[], now: Date): string {
  return renderTable({
    head: ["tenant", "status", "kind", "fingerprint", "region", "expires", "verified", "last used"],
    rows: records.map((record) => [
      record.tenantId,
      record.status,
      record.kind,
      record.fingerprint,
      record.region ?? "any",
      record.expiresAt === undefined
        ? "—"
        : `in ${formatDuration((record.expiresAt.getTime() - now.getTime()) / 1000)}`.replace(
            "in expired",
            "expired",
          ),
      record.verifiedAt?.toISOString().slice(0, 19).replace("T", " ") ?? "—",
      record.lastUsedAt?.toISOString().slice(0, 19).replace("T", " ") ?? "—",
    ]),
  });
}
