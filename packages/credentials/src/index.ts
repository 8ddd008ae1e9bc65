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
export {
  type OnboardingFailureReason,
  OnboardingVerificationError,
  type OnboardingVerificationErrorDetails,
} from "./onboarding/errors/onboarding-verification-error.js";
export {
  type FoundationModelSummary,
  type ListFoundationModelsOptions,
  listFoundationModels,
} from "./onboarding/list-foundation-models.js";
export { type OnboardKeyOptions, onboardKey } from "./onboarding/onboard-key.js";
export type {
  ModelAccess,
  OnboardingModel,
  OnboardingReport,
  OnboardingWarning,
  OnboardingWarningCode,
} from "./onboarding/onboarding-report.js";
export { DEFAULT_PROBE_MODELS } from "./onboarding/verify-key-live.js";
export type { BedrockTokenProvider } from "./providers/bedrock-token-provider.js";
export { chainProviders } from "./providers/chain-providers.js";
export { type FromApiKeyOptions, fromApiKey } from "./providers/from-api-key.js";
export { type FromAwsCredentialsOptions, fromAwsCredentials } from "./providers/from-aws-credentials.js";
export { BEDROCK_KEY_ENV_VARIABLE, type FromEnvOptions, fromEnv } from "./providers/from-env.js";
export { KeyNotFoundError } from "./store/errors/key-not-found-error.js";
export { KeyRotationError } from "./store/errors/key-rotation-error.js";
export { type KeyStoreConflictCode, KeyStoreConflictError } from "./store/errors/key-store-conflict-error.js";
export { KeyStoreInputError } from "./store/errors/key-store-input-error.js";
export { MasterKeyError, type MasterKeyErrorCode } from "./store/errors/master-key-error.js";
export { MasterKeyMismatchError } from "./store/errors/master-key-mismatch-error.js";
export { SealedSecretError, type SealedSecretErrorCode } from "./store/errors/sealed-secret-error.js";
export { StoredKeyExpiredError } from "./store/errors/stored-key-expired-error.js";
export { type FromKeyStoreOptions, fromKeyStore } from "./store/from-key-store.js";
export type { KeyRecord, KeyRecordInput, KeyStatus, StorableKey } from "./store/key-record.js";
export type { ActiveKey, KeyStore, RotateOptions, RotateResult } from "./store/key-store.js";
export type { KeyStoreBackend } from "./store/key-store-backend.js";
export { type LoadMasterKeyOptions, loadMasterKey, MASTER_KEY_ENV } from "./store/load-master-key.js";
export { MasterKey } from "./store/master-key.js";
export { MemoryKeyStore, type MemoryKeyStoreOptions } from "./store/memory-key-store.js";
export { openSealedSecret } from "./store/open-sealed-secret.js";
export { sealSecret } from "./store/seal-secret.js";
export { SealedKeyStore, type SealedKeyStoreOptions } from "./store/sealed-key-store.js";
export type { SealBinding } from "./store/sealed-secret-format.js";
