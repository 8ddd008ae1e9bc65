import type { TokenIdentity } from "@smithy/types";

/**
 * A Smithy `TokenIdentityProvider` for Bedrock API keys: an async function returning `{ token, expiration? }`,
 * which plugs straight into the AWS SDK's `token` option. Providers made here may also carry the one `region` their
 * keys work in (short-term keys), which {@link createBedrockRuntimeClient} uses.
 *
 * @example
 * ```ts
 * const provider: BedrockTokenProvider = fromEnv();
 * const { token } = await provider();
 * ```
 */
export type BedrockTokenProvider = (() => Promise<TokenIdentity>) & {
  /** The region the provider's keys are bound to, when known up front. */
  readonly region?: string;
};

/** Attaches a known region to a provider function. @internal */
export function withRegion(
  provider: () => Promise<TokenIdentity>,
  region: string | undefined,
): BedrockTokenProvider {
  if (region !== undefined) Object.defineProperty(provider, "region", { value: region, enumerable: true });
  return provider;
}
