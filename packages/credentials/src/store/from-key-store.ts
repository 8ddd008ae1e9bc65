import type { BedrockTokenProvider } from "../providers/bedrock-token-provider.js";
import { KeyNotFoundError } from "./errors/key-not-found-error.js";
import { StoredKeyExpiredError } from "./errors/stored-key-expired-error.js";
import type { KeyStore } from "./key-store.js";

/** Options of {@link fromKeyStore}. */
export interface FromKeyStoreOptions {
  /** Record `lastUsedAt` at most this often per key, in ms, so the hot path stays read-only; default 60000. */
  markUsedIntervalMs?: number;
  /**
   * The `expiration` given to the SDK is at most this far ahead (default 60000 ms). The SDK treats a token that
   * expires within 5 minutes as stale and asks again before every request, so a rotation or revocation applies
   * to the very next request; a token without `expiration` would be cached for the client's lifetime.
   */
  maxTokenAgeMs?: number;
  /** The clock for expiry checks and `lastUsedAt`; default `() => new Date()`. */
  now?: () => Date;
}

/**
 * A token provider that resolves a tenant's active key from a key store on every call, and keeps SDK clients
 * from caching it (see `maxTokenAgeMs`), so a rotation or a revocation takes effect on the next request. It
 * records use with `markUsed` (throttled), refuses an expired key with `StoredKeyExpiredError`, and a tenant
 * without an active key with `KeyNotFoundError` (`NO_ACTIVE_KEY`). Plug it into
 * `createBedrockRuntimeClient({ tokenProvider })` or `ChatBedrockKey` to run "as tenant X".
 *
 * @example
 * ```ts
 * import { createBedrockRuntimeClient, fromKeyStore } from "@bedrock-keys/credentials";
 * const client = createBedrockRuntimeClient({ tokenProvider: fromKeyStore(store, "acme"), region: "us-east-1" });
 * ```
 */
export function fromKeyStore(
  store: KeyStore,
  tenantId: string,
  options: FromKeyStoreOptions = {},
): BedrockTokenProvider {
  const interval = options.markUsedIntervalMs ?? 60_000;
  const maxTokenAge = options.maxTokenAgeMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const lastMarked = new Map<string, number>();
  return async () => {
    const active = await store.get(tenantId);
    if (active === undefined) throw new KeyNotFoundError(tenantId);
    const { key, record } = active;
    const at = now();
    if (key.expiresAt !== undefined && key.expiresAt.getTime() <= at.getTime()) {
      throw new StoredKeyExpiredError(tenantId, record.fingerprint, key.expiresAt);
    }
    const marked = lastMarked.get(record.fingerprint);
    if (marked === undefined || at.getTime() - marked >= interval) {
      lastMarked.set(record.fingerprint, at.getTime());
      await store.markUsed(tenantId, record.fingerprint, at);
    }
    const horizon = at.getTime() + maxTokenAge;
    const expiration = new Date(Math.min(key.expiresAt?.getTime() ?? horizon, horizon));
    return { token: key.reveal(), expiration };
  };
}
