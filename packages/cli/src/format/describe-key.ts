import type { BedrockApiKey } from "@bedrock-keys/credentials";
import { formatDuration } from "./format-duration.js";

/**
 * The public facts of a key, as `inspect --json` prints them.
 *
 * @example
 * ```ts
 * const description: KeyDescription = describeKey(key, new Date());
 * ```
 */
export interface KeyDescription {
  kind: "long-term" | "short-term";
  redacted: string;
  fingerprint: string;
  region: string | null;
  issuedAt: string | null;
  expiresAt: string | null;
  secondsRemaining: number | null;
  accountId: string | null;
  userName: string | null;
}

/**
 * The public facts of a key (never its secret), for tables and JSON.
 *
 * @example
 * ```ts
 * describeKey(parseBedrockApiKey(pasted), new Date()).fingerprint;
 * ```
 */
export function describeKey(key: BedrockApiKey, now: Date): KeyDescription {
  return {
    kind: key.kind,
    redacted: key.toString(),
    fingerprint: key.fingerprint,
    region: key.region ?? null,
    issuedAt: key.issuedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    secondsRemaining: key.secondsRemaining(now) ?? null,
    accountId: key.accountId ?? null,
    userName: key.userName ?? null,
  };
}

/**
 * The rows of the `inspect` table.
 *
 * @example
 * ```ts
 * renderTable({ rows: keyDescriptionRows(describeKey(key, now)) });
 * ```
 */
export function keyDescriptionRows(description: KeyDescription): string[][] {
  const rows: string[][] = [
    ["kind", description.kind],
    ["key", description.redacted],
    ["fingerprint", description.fingerprint],
    [
      "region",
      description.region ??
        (description.kind === "long-term" ? "any (long-term keys are not region-bound)" : "unknown"),
    ],
  ];
  if (description.issuedAt !== null) rows.push(["issued", description.issuedAt]);
  rows.push([
    "expires",
    description.expiresAt === null
      ? "not recorded in the key (long-term key expiry is set in IAM)"
      : `${description.expiresAt} (in ${formatDuration(description.secondsRemaining ?? 0)})`,
  ]);
  if (description.accountId !== null) rows.push(["account", description.accountId]);
  if (description.userName !== null) rows.push(["IAM user", description.userName]);
  return rows;
}
