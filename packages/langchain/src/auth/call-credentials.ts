import { type BedrockApiKey, parseBedrockApiKey } from "@bedrock-keys/credentials";

/**
 * A bearer token provider (Smithy `TokenIdentityProvider`), as made by `@bedrock-keys/credentials`
 * (`fromApiKey`, `fromAwsCredentials`, `fromKeyStore`, …); a `region` property, when present, is the key's region.
 */
export type TokenProvider = (() => Promise<{ token: string; expiration?: Date }>) & {
  readonly region?: string;
};

/** What authenticates one request: a parsed key, a token provider, or nothing explicit. */
export type Credential =
  | { kind: "key"; key: BedrockApiKey; cacheId: string }
  | { kind: "provider"; provider: TokenProvider; cacheId: string };

const providerIds = new WeakMap<TokenProvider, number>();
let nextProviderId = 1;

/**
 * Normalizes an `apiKey` (string or `BedrockApiKey`) or a `tokenProvider` into a {@link Credential} with a cache id
 * that never contains key material: `key:<fingerprint>` or `provider:<n>`. Returns undefined when neither is set.
 *
 * @example
 * ```ts
 * toCredential({ apiKey: "ABSK..." })?.cacheId // => "key:3f2a9c1d"
 * ```
 */
export function toCredential(source: {
  apiKey?: string | BedrockApiKey | undefined;
  tokenProvider?: TokenProvider | undefined;
}): Credential | undefined {
  if (source.apiKey !== undefined && source.apiKey !== null) {
    const key = typeof source.apiKey === "string" ? parseBedrockApiKey(source.apiKey) : source.apiKey;
    return { kind: "key", key, cacheId: `key:${key.fingerprint}` };
  }
  if (typeof source.tokenProvider === "function") {
    let id = providerIds.get(source.tokenProvider);
    if (id === undefined) {
      id = nextProviderId++;
      providerIds.set(source.tokenProvider, id);
    }
    return { kind: "provider", provider: source.tokenProvider, cacheId: `provider:${id}` };
  }
  return undefined;
}

const CALL_CREDENTIAL = Symbol("@bedrock-keys/langchain.call-credential");

/**
 * Per-call credentials travel from `configurable` to `_generate` on the call options under a symbol key: symbol
 * keys survive LangChain's option spreading but are skipped by `JSON.stringify`, tracing and callback events.
 * The holder itself prints as `[credential]`.
 *
 * @example
 * ```ts
 * attachCallCredential(callOptions, toCredential({ apiKey }));
 * readCallCredential(callOptions); // => the credential
 * ```
 */
export function attachCallCredential(options: object, credential: Credential | undefined): void {
  if (!credential) return;
  const holder = Object.freeze({
    credential,
    toJSON: () => "[credential]",
    toString: () => "[credential]",
  });
  Object.defineProperty(options, CALL_CREDENTIAL, { value: holder, enumerable: true, configurable: true });
}

/** Reads what {@link attachCallCredential} stored, if anything. */
export function readCallCredential(options: object | undefined): Credential | undefined {
  if (!options) return undefined;
  const holder = (options as Record<symbol, { credential: Credential } | undefined>)[CALL_CREDENTIAL];
  return holder?.credential;
}

/** A copy of the options without the per-call credential, for tracing. */
export function withoutCallCredential<T extends object>(options: T): T {
  const copy = { ...options };
  delete (copy as Record<symbol, unknown>)[CALL_CREDENTIAL];
  return copy;
}
