import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { checkOptions } from "../errors/check-options.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import type { BedrockApiKey } from "../key/bedrock-api-key.js";
import { fromAwsCredentialsOptionsSchema } from "../mint/mint-options-schema.js";
import { resolveCredentials, signShortTermKey, validateMintOptions } from "../mint/mint-short-term-key.js";
import { type BedrockTokenProvider, withRegion } from "./bedrock-token-provider.js";
import { tokenIdentity } from "./token-identity.js";

/** Options of {@link fromAwsCredentials}. */
export interface FromAwsCredentialsOptions {
  /** AWS credentials or a provider of them. Default: the Node provider chain (`@aws-sdk/credential-provider-node`). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The region the minted keys work in. */
  region: string;
  /** Lifetime of each minted key in whole seconds, in (0, 43200]. Default 43200. */
  expiresInSeconds?: number;
  /** Mint a new key this many seconds before the current one expires. Default 300 (as the AWS SDK refreshes). */
  refreshBeforeSeconds?: number;
  /** Clock. Default: the current time. */
  now?: () => Date;
}

async function defaultCredentials(): Promise<AwsCredentialIdentityProvider> {
  const { defaultProvider } = await import("@aws-sdk/credential-provider-node");
  return defaultProvider();
}

/**
 * A provider that mints short-term keys from AWS credentials, caches the current one, and mints the next one
 * `refreshBeforeSeconds` before it expires (or half-way through its life, if that comes later, so credentials about to
 * expire do not cause a mint per call). Concurrent callers share one in-flight mint. Expired credentials surface
 * as `CredentialsExpiredError`, a failing credential provider as `CredentialsUnavailableError` — unless the current
 * key is still valid, which is then returned while later calls keep trying to refresh.
 *
 * @example
 * ```ts
 * const client = createBedrockRuntimeClient({
 *   tokenProvider: fromAwsCredentials({ region: "us-west-2" }),
 * });
 * ```
 */
export function fromAwsCredentials(options: FromAwsCredentialsOptions): BedrockTokenProvider {
  checkOptions(fromAwsCredentialsOptionsSchema, options, "fromAwsCredentials");
  const expiresInSeconds = validateMintOptions(options.region, options.expiresInSeconds);
  const refreshBeforeSeconds = options.refreshBeforeSeconds ?? 300;
  if (
    typeof refreshBeforeSeconds !== "number" ||
    !Number.isFinite(refreshBeforeSeconds) ||
    refreshBeforeSeconds < 0 ||
    refreshBeforeSeconds >= expiresInSeconds
  ) {
    throw new InvalidOptionsError(
      "refreshBeforeSeconds",
      `refreshBeforeSeconds must be at least 0 and less than the key lifetime (${expiresInSeconds} s).`,
    );
  }
  const clock = options.now ?? (() => new Date());
  let credentials = options.credentials;
  let current: BedrockApiKey | undefined;
  let inflight: Promise<BedrockApiKey> | undefined;

  const isFresh = (key: BedrockApiKey, now: Date): boolean => {
    const expiresAt = key.expiresAt?.getTime() ?? 0;
    const lifetime = expiresAt - (key.issuedAt?.getTime() ?? expiresAt);
    const margin = Math.min(refreshBeforeSeconds * 1000, lifetime / 2);
    return expiresAt - now.getTime() > margin;
  };

  const mint = async (): Promise<BedrockApiKey> => {
    credentials ??= await defaultCredentials();
    const identity = await resolveCredentials(credentials);
    const key = signShortTermKey(identity, options.region, expiresInSeconds, clock());
    current = key;
    return key;
  };

  return withRegion(async () => {
    if (current !== undefined && isFresh(current, clock())) return tokenIdentity(current);
    inflight ??= mint().finally(() => {
      inflight = undefined;
    });
    try {
      return tokenIdentity(await inflight);
    } catch (error) {
      // A failed early refresh is not fatal while the current key still works; the next call tries again.
      if (current !== undefined && !current.isExpired(clock())) return tokenIdentity(current);
      throw error;
    }
  }, options.region);
}
