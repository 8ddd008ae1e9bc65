import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { checkOptions } from "../errors/check-options.js";
import { CredentialsExpiredError } from "../errors/credentials-expired-error.js";
import { CredentialsUnavailableError } from "../errors/credentials-unavailable-error.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { BedrockApiKey } from "../key/bedrock-api-key.js";
import { MAX_SHORT_TERM_SECONDS, SHORT_TERM_PREFIX, SHORT_TERM_VERSION_SUFFIX } from "../key/key-prefixes.js";
import { mintOptionsSchema } from "./mint-options-schema.js";
import { presignCallWithBearerToken } from "./presign-call-with-bearer-token.js";

/** Options of {@link mintShortTermKey}. */
export interface MintShortTermKeyOptions {
  /** AWS credentials (or a provider of them) allowed to call `bedrock:CallWithBearerToken`. */
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The one region the key will work in. */
  region: string;
  /** Lifetime in whole seconds, in (0, 43200]. Default 43200 (12 hours). */
  expiresInSeconds?: number;
  /** Signing time. Default: the current time. */
  now?: Date;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** Checks `expiresInSeconds` and `region`; returns the lifetime to sign with. */
export function validateMintOptions(region: unknown, expiresInSeconds: number | undefined): number {
  if (typeof region !== "string" || !REGION.test(region)) {
    throw new InvalidOptionsError(
      "region",
      "region must be an AWS region name such as 'us-east-1'; a short-term key works only in the region it is minted for.",
    );
  }
  const seconds = expiresInSeconds ?? MAX_SHORT_TERM_SECONDS;
  if (
    typeof seconds !== "number" ||
    !Number.isInteger(seconds) ||
    seconds <= 0 ||
    seconds > MAX_SHORT_TERM_SECONDS
  ) {
    throw new InvalidOptionsError(
      "expiresInSeconds",
      `expiresInSeconds must be a whole number of seconds in (0, ${MAX_SHORT_TERM_SECONDS}] (at most 12 hours).`,
    );
  }
  return seconds;
}

/** Calls a credential provider, turning its failure into a typed error. */
export async function resolveCredentials(
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
): Promise<AwsCredentialIdentity> {
  let identity: AwsCredentialIdentity;
  try {
    identity = typeof credentials === "function" ? await credentials() : credentials;
  } catch (error) {
    throw new CredentialsUnavailableError(
      "No AWS credentials to mint a short-term Bedrock key with: the credential provider failed. " +
        "Configure credentials (environment, profile, SSO or an instance role) or pass them explicitly.",
      { cause: error },
    );
  }
  if (
    typeof identity !== "object" ||
    identity === null ||
    typeof identity.accessKeyId !== "string" ||
    identity.accessKeyId === "" ||
    typeof identity.secretAccessKey !== "string" ||
    identity.secretAccessKey === ""
  ) {
    throw new CredentialsUnavailableError(
      "The AWS credentials have no accessKeyId or secretAccessKey, so no short-term Bedrock key can be minted.",
    );
  }
  return identity;
}

/** Signs a key with already resolved credentials. @internal */
export function signShortTermKey(
  identity: AwsCredentialIdentity,
  region: string,
  expiresInSeconds: number,
  now: Date,
): BedrockApiKey {
  const expiration = identity.expiration;
  if (expiration !== undefined && expiration.getTime() <= now.getTime()) {
    throw new CredentialsExpiredError(expiration);
  }
  const url = presignCallWithBearerToken(identity, region, expiresInSeconds, now);
  const token = SHORT_TERM_PREFIX + Buffer.from(url + SHORT_TERM_VERSION_SUFFIX, "utf8").toString("base64");
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const signedUntil = issuedAt.getTime() + expiresInSeconds * 1000;
  const expiresAt = new Date(
    expiration !== undefined ? Math.min(signedUntil, expiration.getTime()) : signedUntil,
  );
  return new BedrockApiKey(token, { kind: "short-term", region, issuedAt, expiresAt });
}

/**
 * Mints a short-term Bedrock API key (`bedrock-api-key-…`) from AWS credentials — byte-identical to
 * `@aws/bedrock-token-generator`'s `getToken` for the same credentials, region, lifetime and signing time. The
 * key's `expiresAt` is the signed lifetime clamped to the credentials' own expiration, since Bedrock stops
 * accepting the key when they expire.
 *
 * Throws `InvalidOptionsError` for a lifetime outside (0, 43200] or a malformed region,
 * `CredentialsExpiredError` for already expired credentials and `CredentialsUnavailableError` when a credential
 * provider fails.
 *
 * @example
 * ```ts
 * import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
 * const key = await mintShortTermKey({ credentials: fromNodeProviderChain(), region: "us-west-2" });
 * key.expiresAt; // 12 hours from now, or sooner if the credentials expire first
 * ```
 */
export async function mintShortTermKey(options: MintShortTermKeyOptions): Promise<BedrockApiKey> {
  checkOptions(mintOptionsSchema, options, "mintShortTermKey");
  const expiresInSeconds = validateMintOptions(options.region, options.expiresInSeconds);
  if (options.now !== undefined && Number.isNaN(options.now.getTime())) {
    throw new InvalidOptionsError("now", "now must be a valid Date.");
  }
  const identity = await resolveCredentials(options.credentials);
  return signShortTermKey(identity, options.region, expiresInSeconds, options.now ?? new Date());
}
