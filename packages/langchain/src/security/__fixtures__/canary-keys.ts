import { mintShortTermKey } from "@bedrock-keys/credentials";
import type { Emulator } from "@bedrock-keys/emulator";

/** A real key the emulator accepts, with the parts of it that must never appear in any output. */
export interface CanaryKey {
  kind: "long-term" | "short-term";
  key: string;
  /** Secret-bearing strings: the raw secret and the stretch of the key that encodes it. */
  secrets: string[];
}

/**
 * Every 8-character window of every secret that occurs in `haystack` (empty when nothing leaked). Eight
 * characters of a random base64 or hex secret never occur by chance in test output.
 */
export function findLeaks(haystack: string, secrets: readonly string[]): string[] {
  const leaks = new Set<string>();
  for (const secret of secrets) {
    for (let index = 0; index + 8 <= secret.length; index++) {
      const window = secret.slice(index, index + 8);
      if (haystack.includes(window)) leaks.add(window);
    }
  }
  return [...leaks];
}

/**
 * A long-term key `ABSK` + base64(`user-at-account:secret`): the secret after the colon, and the base64 of the
 * key from the first group that encodes only secret bytes (the user name before it is public).
 */
export function longTermCanary(key: string): CanaryKey {
  const body = key.slice(4);
  const decoded = Buffer.from(body, "base64").toString("utf8");
  const publicBytes = Buffer.byteLength(decoded.slice(0, decoded.indexOf(":") + 1), "utf8");
  const secret = decoded.slice(decoded.indexOf(":") + 1);
  return { kind: "long-term", key, secrets: [secret, body.slice(Math.ceil(publicBytes / 3) * 4)] };
}

/**
 * A short-term key `bedrock-api-key-` + base64(presigned URL): the SigV4 signature in hex, and the base64 groups
 * of the key that encode only signature bytes. The rest of the URL (action, algorithm, date) is public.
 */
export function shortTermCanary(key: string): CanaryKey {
  const body = key.slice("bedrock-api-key-".length);
  const url = Buffer.from(body, "base64").toString("utf8");
  const match = /X-Amz-Signature=([0-9a-f]{64})/.exec(url);
  if (!match?.[1]) throw new Error("not a presigned short-term key");
  const start = match.index + "X-Amz-Signature=".length;
  const end = start + match[1].length;
  return {
    kind: "short-term",
    key,
    secrets: [match[1], body.slice(Math.ceil(start / 3) * 4, Math.floor(end / 3) * 4)],
  };
}

/**
 * The two canaries of the security suites: a long-term key issued by the emulator (its secret is random; the
 * emulator does not let a caller choose it) and a short-term key minted from the emulator's test credentials.
 */
export async function issueCanaryKeys(
  emulator: Emulator,
  now: Date = new Date(),
): Promise<{ longTerm: CanaryKey; shortTerm: CanaryKey; secrets: string[] }> {
  const longTerm = longTermCanary(
    emulator.keys.issueLongTermKey({ userName: "canary-tenant", accountId: "111122223333" }),
  );
  const minted = await mintShortTermKey({
    credentials: emulator.keys.testCredentials,
    region: emulator.region,
    now,
  });
  const shortTerm = shortTermCanary(minted.reveal());
  return { longTerm, shortTerm, secrets: [...longTerm.secrets, ...shortTerm.secrets] };
}
