import type { StoredRow } from "./key-record.js";

/**
 * Chooses the key `get` returns among a tenant's rows: an active one, preferring verified over unverified, then
 * the most recently verified, then the newest. A rotation interrupted after adding its new (not yet verified)
 * key therefore keeps serving the old, verified key.
 */
export function pickActiveKey(rows: readonly StoredRow[]): StoredRow | undefined {
  let best: StoredRow | undefined;
  for (const row of rows) {
    if (row.status !== "active") continue;
    if (best === undefined || rank(row) >= rank(best)) best = row;
  }
  return best;
}

function rank(row: StoredRow): number {
  // Verified rows outrank every unverified one; within a group, later timestamps win.
  return row.verifiedAt !== undefined ? 1e15 + row.verifiedAt.getTime() : row.createdAt.getTime();
}
