import { CredentialsUnavailableError } from "../errors/credentials-unavailable-error.js";
import { MissingApiKeyError } from "../errors/missing-api-key-error.js";
import type { BedrockTokenProvider } from "./bedrock-token-provider.js";
import { withRegion } from "./bedrock-token-provider.js";

/**
 * A provider that asks each provider in turn and returns the first key one yields. A provider that has no key
 * (`MissingApiKeyError`, `CredentialsUnavailableError`) passes to the next; any other error — a malformed key,
 * expired credentials — stops the chain, so a broken key is reported rather than silently skipped.
 *
 * @example
 * ```ts
 * const provider = chainProviders(fromEnv(), fromAwsCredentials({ region: "us-east-1" }));
 * ```
 */
export function chainProviders(...providers: BedrockTokenProvider[]): BedrockTokenProvider {
  const regions = new Set(providers.map((provider) => provider.region));
  const region = regions.size === 1 ? [...regions][0] : undefined;
  return withRegion(async () => {
    const reasons: string[] = [];
    for (const provider of providers) {
      try {
        return await provider();
      } catch (error) {
        if (!MissingApiKeyError.isInstance(error) && !CredentialsUnavailableError.isInstance(error))
          throw error;
        reasons.push(error.message);
      }
    }
    throw new MissingApiKeyError(
      providers.length === 0
        ? "No Bedrock API key: the provider chain is empty."
        : `No Bedrock API key from any of ${providers.length} providers: ${reasons.join(" | ")}`,
    );
  }, region);
}
