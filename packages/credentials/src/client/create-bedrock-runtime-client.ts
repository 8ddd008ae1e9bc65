import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from "@aws-sdk/client-bedrock-runtime";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { BedrockApiKey } from "../key/bedrock-api-key.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import type { BedrockTokenProvider } from "../providers/bedrock-token-provider.js";
import { fromApiKey } from "../providers/from-api-key.js";
import { readEnvKey } from "../providers/from-env.js";
import { resolveRegion } from "./resolve-region.js";

/** Options of {@link createBedrockRuntimeClient}: a key or provider, plus any `BedrockRuntimeClientConfig`. */
export type CreateBedrockRuntimeClientOptions = Omit<
  BedrockRuntimeClientConfig,
  "token" | "region" | "endpoint" | "credentials" | "authSchemePreference"
> & {
  /** The key (a `BedrockApiKey` or pasted text). Wins over everything else. */
  apiKey?: BedrockApiKey | string;
  /** A provider of keys (`fromAwsCredentials`, `fromEnv`, a key store…), used when there is no `apiKey`. */
  tokenProvider?: BedrockTokenProvider;
  /** Region; must match a short-term key's own. Default: the key's, else `AWS_REGION`, else `AWS_DEFAULT_REGION`. */
  region?: string;
  /** Endpoint URL, for example an emulator's `http://127.0.0.1:4010`. */
  endpoint?: string;
  /** Where `AWS_BEARER_TOKEN_BEDROCK`, `AWS_REGION` and `AWS_DEFAULT_REGION` are read. Default: `process.env`. */
  env?: Record<string, string | undefined>;
};

// Bearer keys are the only way in: if the SDK ever asked for SigV4 credentials, fail loudly instead of walking
// the default chain (which could reach the instance metadata service).
async function refuseSigV4(): Promise<never> {
  throw new InvalidOptionsError(
    "credentials",
    "This client authenticates with a Bedrock API key only; SigV4 credentials are never used.",
  );
}

/**
 * A `BedrockRuntimeClient` that always authenticates with a Bedrock API key (`Authorization: Bearer …`): it sets
 * `token` and `authSchemePreference: ["httpBearerAuth"]` and never consults SigV4 credentials. An explicit
 * `apiKey` or `tokenProvider` always wins over `AWS_BEARER_TOKEN_BEDROCK`, which is read (from `env`) only when
 * neither is given. `process.env` is never written, so many tenants' clients can live in one process.
 *
 * Throws `BedrockKeyFormatError` for a bad key, `MissingApiKeyError` when there is none, `RegionMismatchError`
 * when `region` contradicts a short-term key, and `MissingRegionError` when no region can be found.
 *
 * @example
 * ```ts
 * const client = createBedrockRuntimeClient({ apiKey: pastedKey, region: "us-east-1" });
 * const reply = await client.send(new ConverseCommand({
 *   modelId: "amazon.nova-lite-v1:0",
 *   messages: [{ role: "user", content: [{ text: "Hello" }] }],
 * }));
 * ```
 */
export function createBedrockRuntimeClient(
  options: CreateBedrockRuntimeClientOptions = {},
): BedrockRuntimeClient {
  const { apiKey, tokenProvider, region, endpoint, env = process.env, ...config } = options;
  if (apiKey !== undefined && tokenProvider !== undefined) {
    throw new InvalidOptionsError("apiKey", "Pass either apiKey or tokenProvider, not both.");
  }
  let key: BedrockApiKey | undefined;
  let provider: BedrockTokenProvider;
  if (apiKey !== undefined) {
    key = BedrockApiKey.isInstance(apiKey) ? apiKey : parseBedrockApiKey(apiKey);
    provider = fromApiKey(key);
  } else if (tokenProvider !== undefined) {
    provider = tokenProvider;
  } else {
    key = readEnvKey(env, new Date());
    provider = fromApiKey(key);
  }
  const resolvedRegion = resolveRegion({ keyRegion: key?.region ?? provider.region, region, env });
  return new BedrockRuntimeClient({
    ...config,
    region: resolvedRegion,
    ...(endpoint !== undefined ? { endpoint } : {}),
    token: provider,
    authSchemePreference: ["httpBearerAuth"],
    credentials: refuseSigV4,
  });
}
