/** Test keys that look exactly like real ones; none of them works anywhere. */

/** A console-style long-term key: `ABSK` + base64(`BedrockAPIKey-<id>-at-<account>:<secret>`). */
export function makeLongTermKey(
  options: { id?: string; accountId?: string; secret?: string; userName?: string } = {},
): string {
  const userName =
    options.userName ?? `BedrockAPIKey-${options.id ?? "a1b2"}-at-${options.accountId ?? "123456789012"}`;
  const secret = options.secret ?? "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXY=";
  return `ABSK${Buffer.from(`${userName}:${secret}`, "utf8").toString("base64")}`;
}

/** The query of a presigned `CallWithBearerToken` URL, in the order the signer writes it. */
export function presignedQuery(
  options: {
    issuedAt?: Date;
    region?: string;
    expiresIn?: number;
    sessionToken?: string;
    signature?: string;
    omit?: string[];
    action?: string;
  } = {},
): string {
  const issuedAt = options.issuedAt ?? new Date("2026-01-15T10:00:00Z");
  const longDate = issuedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  const parameters: Array<[string, string]> = [
    ["Action", options.action ?? "CallWithBearerToken"],
    ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
    [
      "X-Amz-Credential",
      `ASIAEXAMPLEEXAMPLE12/${longDate.slice(0, 8)}/${options.region ?? "us-west-2"}/bedrock/aws4_request`,
    ],
    ["X-Amz-Date", longDate],
    ["X-Amz-Expires", String(options.expiresIn ?? 43_200)],
    ...(options.sessionToken !== undefined
      ? [["X-Amz-Security-Token", options.sessionToken] as [string, string]]
      : []),
    [
      "X-Amz-Signature",
      options.signature ?? "8f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
    ],
    ["X-Amz-SignedHeaders", "host"],
  ];
  return parameters
    .filter(([name]) => !(options.omit ?? []).includes(name))
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
}

/** A well-formed short-term key (its signature is made up). */
export function makeShortTermKey(
  options: Parameters<typeof presignedQuery>[0] & { version?: boolean } = {},
): string {
  const url = `bedrock.amazonaws.com/?${presignedQuery(options)}${options.version === false ? "" : "&Version=1"}`;
  return `bedrock-api-key-${Buffer.from(url, "utf8").toString("base64")}`;
}

/** The moment the default short-term fixture is valid at (one hour after it was signed). */
export const FIXTURE_NOW = new Date("2026-01-15T11:00:00Z");
