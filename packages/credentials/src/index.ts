export {
  type CreateBedrockRuntimeClientOptions,
  createBedrockRuntimeClient,
} from "./client/create-bedrock-runtime-client.js";
export { explainBedrockError } from "./client/explain-bedrock-error.js";
export { type ResolveRegionOptions, resolveRegion } from "./client/resolve-region.js";
export {
  BedrockKeyFormatError,
  type BedrockKeyFormatErrorCode,
  type BedrockKeyFormatErrorDetails,
} from "./errors/bedrock-key-format-error.js";
export {
  BedrockKeyRejectedError,
  type BedrockKeyRejectedErrorDetails,
  type BedrockKeyRejectionReason,
} from "./errors/bedrock-key-rejected-error.js";
export { BedrockKeysError, type BedrockKeysErrorOptions } from "./errors/bedrock-keys-error.js";
export { CredentialsExpiredError } from "./errors/credentials-expired-error.js";
export { CredentialsUnavailableError } from "./errors/credentials-unavailable-error.js";
export { InvalidOptionsError } from "./errors/invalid-options-error.js";
export { MissingApiKeyError } from "./errors/missing-api-key-error.js";
export { MissingRegionError } from "./errors/missing-region-error.js";
export { RegionMismatchError } from "./errors/region-mismatch-error.js";
export { BedrockApiKey, type BedrockApiKeyFacts, type BedrockApiKeyKind } from "./key/bedrock-api-key.js";
export { fingerprintKey } from "./key/fingerprint.js";
export { type ParseBedrockApiKeyOptions, parseBedrockApiKey } from "./key/parse-bedrock-api-key.js";
export { redactKey } from "./key/redact-key.js";
export { scrubKeyMaterial } from "./key/scrub-key-material.js";
export { type MintShortTermKeyOptions, mintShortTermKey } from "./mint/mint-short-term-key.js";
export type { BedrockTokenProvider } from "./providers/bedrock-token-provider.js";
export { chainProviders } from "./providers/chain-providers.js";
export { type FromApiKeyOptions, fromApiKey } from "./providers/from-api-key.js";
export { type FromAwsCredentialsOptions, fromAwsCredentials } from "./providers/from-aws-credentials.js";
export { BEDROCK_KEY_ENV_VARIABLE, type FromEnvOptions, fromEnv } from "./providers/from-env.js";
