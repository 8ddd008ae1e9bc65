import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { BedrockApiKey } from "../key/bedrock-api-key.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { type BedrockTokenProvider, withRegion } from "./bedrock-token-provider.js";
import { tokenIdentity } from "./token-identity.js";

/** Options of {@link fromApiKey}. */
export interface FromApiKeyOptions {
  /** Clock used to refuse an expired short-term key. Default: the current time. */
  now?: () => Date;
}

/**
 * A provider that always yields one key. The key (or pasted text) is parsed up front, so a bad key fails here,
 * not on the first request; a short-term key that has expired since makes the provider throw `EXPIRED` instead
 * of sending a key Bedrock will refuse.
 *
 * @example
 * ```ts
 * const client = new BedrockRuntimeClient({
 *   region: "us-east-1",
 *   token: fromApiKey(process.env.TENANT_KEY ?? ""),
 *   authSchemePreference: ["httpBearerAuth"],
 * });
 * ```
 */
export function fromApiKey(
  key: BedrockApiKey | string,
  options: FromApiKeyOptions = {},
): BedrockTokenProvider {
  const clock = options.now ?? (() => new Date());
  const parsed = BedrockApiKey.isInstance(key) ? key : parseBedrockApiKey(key, { now: clock() });
  const identity = tokenIdentity(parsed);
  return withRegion(async () => {
    const now = clock();
    if (parsed.expiresAt !== undefined && parsed.isExpired(now)) {
      throw new BedrockKeyFormatError(
        "EXPIRED",
        `This short-term Bedrock API key (${parsed.fingerprint}) expired at ${parsed.expiresAt.toISOString()}. Mint a new one, or use fromAwsCredentials to refresh keys automatically.`,
        { kind: "short-term", expiredAt: parsed.expiresAt },
      );
    }
    return identity;
  }, parsed.region);
}
