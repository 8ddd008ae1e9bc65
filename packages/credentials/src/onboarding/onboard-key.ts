import {
  type CreateBedrockRuntimeClientOptions,
  createBedrockRuntimeClient,
} from "../client/create-bedrock-runtime-client.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { KeyStoreConflictError } from "../store/errors/key-store-conflict-error.js";
import type { KeyRecord } from "../store/key-record.js";
import type { KeyStore } from "../store/key-store.js";
import { tenantIdSchema, validate } from "../store/key-store-schemas.js";
import { listFoundationModels } from "./list-foundation-models.js";
import type { OnboardingModel, OnboardingReport, OnboardingWarning } from "./onboarding-report.js";
import { keyWarnings } from "./onboarding-warnings.js";
import { type LiveVerification, verifyKeyLive } from "./verify-key-live.js";

/** Options of {@link onboardKey}. */
export interface OnboardKeyOptions {
  tenantId: string;
  /** Whatever the customer pasted; cleaned up and diagnosed by `parseBedrockApiKey`. */
  pasted: string;
  store: KeyStore;
  /** Prove the key with a live call before storing it; default `true`. */
  verify?: boolean;
  /** The model to prove the key with; default: the first of a few cheap, widely enabled models that answers. */
  probeModel?: string;
  /** The Bedrock Runtime endpoint (e.g. the emulator's URL); also used for ListFoundationModels when given. */
  endpoint?: string;
  /** The control-plane endpoint for ListFoundationModels; default `endpoint`, else `https://bedrock.<region>.amazonaws.com`. */
  controlPlaneEndpoint?: string;
  /** For long-term keys (which carry no region); a short-term key's own region always wins. */
  region?: string;
  /** The expiry of a long-term key, if the platform knows it (IAM `CredentialAgeDays`); it is not in the key. */
  expiresAt?: Date;
  /** The instant onboarding happens at (expiry checks, warnings, `verifiedAt`); default now. */
  now?: Date;
  /** Where `AWS_REGION` / `AWS_DEFAULT_REGION` are read from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The most the live check and the model listing may take together, in ms; default 20000. */
  timeoutMs?: number;
  /** Extra `BedrockRuntimeClient` settings for the probe (request handler, retries…). */
  client?: Omit<
    CreateBedrockRuntimeClientOptions,
    "apiKey" | "tokenProvider" | "region" | "endpoint" | "env"
  >;
  fetch?: typeof globalThis.fetch;
}

/**
 * Onboards a customer's pasted Bedrock API key for a tenant: diagnoses it with `parseBedrockApiKey` (whose typed
 * errors pass through unchanged), proves it live with the cheapest call (CountTokens, else Converse with
 * `maxTokens: 1`), lists the models it can see, then stores it sealed — replacing (retiring) the tenant's
 * previous key. Verification failures are `OnboardingVerificationError`s with a reason and a remediation; nothing
 * is stored then. The report holds only the redacted key and its fingerprint.
 *
 * @example
 * ```ts
 * import { MemoryKeyStore, onboardKey } from "@bedrock-keys/credentials";
 * const report = await onboardKey({ tenantId: "acme", pasted: formValue, store: new MemoryKeyStore() });
 * console.log(report.kind, report.region, report.expiresAt, report.warnings);
 * ```
 */
export async function onboardKey(options: OnboardKeyOptions): Promise<OnboardingReport> {
  const tenantId = validate(tenantIdSchema, options.tenantId, "tenantId");
  const now = options.now ?? new Date();
  const key = parseBedrockApiKey(options.pasted, { now });
  const client = createBedrockRuntimeClient({
    ...options.client,
    apiKey: key,
    ...(options.region !== undefined && { region: options.region }),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.env !== undefined && { env: options.env }),
  });
  try {
    const region = await client.config.region();
    const expiresAt = key.expiresAt ?? options.expiresAt;
    const warnings: OnboardingWarning[] = keyWarnings(key, expiresAt, now);
    let verification: LiveVerification | undefined;
    let models: OnboardingModel[] = [];
    if (options.verify === false) {
      warnings.push({
        code: "NOT_VERIFIED",
        message: "The key was stored without a live check; the first request will tell whether it works.",
      });
    } else {
      const abortSignal = AbortSignal.timeout(options.timeoutMs ?? 20_000);
      verification = await verifyKeyLive(client, {
        tenantId,
        fingerprint: key.fingerprint,
        abortSignal,
        ...(options.probeModel !== undefined && { probeModels: [options.probeModel] }),
      });
      models = await describeModels(options, key, region, verification, warnings, abortSignal);
    }
    const verifiedAt = verification === undefined ? undefined : now;
    const retired = await storeKey(options.store, tenantId, key, { verifiedAt, expiresAt, region });
    return {
      tenantId,
      kind: key.kind,
      fingerprint: key.fingerprint,
      redacted: String(key),
      region,
      ...(expiresAt !== undefined && { expiresAt }),
      ...(key.accountId !== undefined && { accountId: key.accountId }),
      ...(verifiedAt !== undefined && { verifiedAt }),
      ...(verification !== undefined && { verifiedWith: verification.verifiedWith }),
      models,
      warnings,
      retired: retired.map((record) => record.fingerprint),
    };
  } finally {
    client.destroy();
  }
}

async function describeModels(
  options: OnboardKeyOptions,
  key: ReturnType<typeof parseBedrockApiKey>,
  region: string,
  verification: LiveVerification,
  warnings: OnboardingWarning[],
  signal: AbortSignal,
): Promise<OnboardingModel[]> {
  const access = (modelId: string): OnboardingModel["access"] =>
    modelId === verification.verifiedWith.modelId
      ? "verified"
      : verification.deniedModels.includes(modelId)
        ? "denied"
        : "unknown";
  try {
    const endpoint = options.controlPlaneEndpoint ?? options.endpoint;
    const summaries = await listFoundationModels({
      key,
      region,
      signal,
      ...(endpoint !== undefined && { endpoint }),
      ...(options.fetch !== undefined && { fetch: options.fetch }),
    });
    return summaries.map((summary) => ({
      modelId: summary.modelId,
      ...(summary.modelName !== undefined && { name: summary.modelName }),
      ...(summary.providerName !== undefined && { provider: summary.providerName }),
      access: access(summary.modelId),
    }));
  } catch (error) {
    warnings.push({
      code: "MODELS_NOT_LISTED",
      message: `The key works, but its models could not be listed (${error instanceof Error ? error.message : "unknown error"}). Only the probe model is shown.`,
    });
    return [{ modelId: verification.verifiedWith.modelId, access: "verified" }];
  }
}

/** Stores the key as the tenant's active one, retiring any previous key; re-onboarding the same key refreshes it. */
async function storeKey(
  store: KeyStore,
  tenantId: string,
  key: ReturnType<typeof parseBedrockApiKey>,
  metadata: { verifiedAt: Date | undefined; expiresAt: Date | undefined; region: string },
): Promise<KeyRecord[]> {
  const extra = {
    region: metadata.region,
    ...(metadata.verifiedAt !== undefined && { verifiedAt: metadata.verifiedAt }),
    ...(metadata.expiresAt !== undefined && { expiresAt: metadata.expiresAt }),
  };
  try {
    return (await store.rotate(tenantId, key, extra)).retired;
  } catch (error) {
    if (!KeyStoreConflictError.isInstance(error) || error.code !== "SAME_KEY") throw error;
    await store.put({ tenantId, key, ...extra });
    return [];
  }
}
