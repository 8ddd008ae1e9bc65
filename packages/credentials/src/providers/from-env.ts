import { MissingApiKeyError } from "../errors/missing-api-key-error.js";
import type { BedrockApiKey } from "../key/bedrock-api-key.js";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import type { BedrockTokenProvider } from "./bedrock-token-provider.js";
import { tokenIdentity } from "./token-identity.js";

/** The variable the AWS SDKs read a Bedrock API key from. */
export const BEDROCK_KEY_ENV_VARIABLE = "AWS_BEARER_TOKEN_BEDROCK";

/** Options of {@link fromEnv}. */
export interface FromEnvOptions {
  /** Where to read `AWS_BEARER_TOKEN_BEDROCK` from. Default: `process.env` (read, never written). */
  env?: Record<string, string | undefined>;
  /** Clock used to check a short-term key. Default: the current time. */
  now?: () => Date;
}

/**
 * Reads and parses the key in `AWS_BEARER_TOKEN_BEDROCK`; throws `MissingApiKeyError` when it is unset, or set
 * but empty or blank (which counts as absent, with a message saying so). @internal
 */
export function readEnvKey(env: Record<string, string | undefined>, now: Date): BedrockApiKey {
  const value = env[BEDROCK_KEY_ENV_VARIABLE];
  if (value === undefined) {
    throw new MissingApiKeyError(
      `No Bedrock API key: none was passed and ${BEDROCK_KEY_ENV_VARIABLE} is not set. Pass apiKey, or set ${BEDROCK_KEY_ENV_VARIABLE}.`,
    );
  }
  if (value.trim() === "") {
    throw new MissingApiKeyError(
      `No Bedrock API key: ${BEDROCK_KEY_ENV_VARIABLE} is set but empty, which counts as absent. Put a key in it or unset it.`,
      { blank: true },
    );
  }
  return parseBedrockApiKey(value, { now });
}

/**
 * A provider reading `AWS_BEARER_TOKEN_BEDROCK` from `env` (default `process.env`) on each call. Unlike the AWS
 * SDK, an empty or blank variable counts as absent and the error says so; a malformed key throws the
 * `BedrockKeyFormatError` that says what is wrong with it.
 *
 * @example
 * ```ts
 * const provider = fromEnv({ env: { AWS_BEARER_TOKEN_BEDROCK: "ABSK…" } });
 * const { token } = await provider();
 * ```
 */
export function fromEnv(options: FromEnvOptions = {}): BedrockTokenProvider {
  const env = options.env ?? process.env;
  const clock = options.now ?? (() => new Date());
  let last: { value: string; key: BedrockApiKey } | undefined;
  return async () => {
    const value = env[BEDROCK_KEY_ENV_VARIABLE];
    const now = clock();
    if (last === undefined || last.value !== value || last.key.isExpired(now)) {
      last = { value: value ?? "", key: readEnvKey(env, now) };
    }
    return tokenIdentity(last.key);
  };
}
