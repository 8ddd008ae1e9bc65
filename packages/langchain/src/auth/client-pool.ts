import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

interface PoolEntry {
  client: BedrockRuntimeClient;
  inFlight: number;
  evicted: boolean;
}

/** A client borrowed from a {@link ClientPool}; call `release()` when the request (or stream) is over. */
export interface ClientLease {
  client: BedrockRuntimeClient;
  release(): void;
}

/**
 * A bounded LRU of `BedrockRuntimeClient`s keyed by key fingerprint and region, so one model instance can serve
 * many tenants without opening a connection pool per request. An evicted client is destroyed (its HTTP/2 sessions
 * closed) as soon as no request is still using it.
 *
 * @example
 * ```ts
 * const pool = new ClientPool(64);
 * const lease = pool.acquire("3f2a9c1d|us-east-1", () => createBedrockRuntimeClient({ apiKey }));
 * try { await lease.client.send(command); } finally { lease.release(); }
 * ```
 */
export class ClientPool {
  readonly #entries = new Map<string, PoolEntry>();
  readonly #maxSize: number;

  constructor(maxSize: number) {
    this.#maxSize = Math.max(1, maxSize);
  }

  /** Number of cached clients. */
  get size(): number {
    return this.#entries.size;
  }

  /** Borrows the client for `cacheKey`, creating it (and evicting the least recently used) when missing. */
  acquire(cacheKey: string, create: () => BedrockRuntimeClient): ClientLease {
    let entry = this.#entries.get(cacheKey);
    if (entry) {
      this.#entries.delete(cacheKey);
    } else {
      entry = { client: create(), inFlight: 0, evicted: false };
    }
    this.#entries.set(cacheKey, entry);
    this.#evictOverflow();
    entry.inFlight += 1;
    const leased = entry;
    let released = false;
    return {
      client: leased.client,
      release: () => {
        if (released) return;
        released = true;
        leased.inFlight -= 1;
        if (leased.evicted && leased.inFlight === 0) leased.client.destroy();
      },
    };
  }

  /** Destroys every idle client and marks busy ones for destruction when released. */
  clear(): void {
    for (const entry of this.#entries.values()) this.#retire(entry);
    this.#entries.clear();
  }

  #evictOverflow(): void {
    while (this.#entries.size > this.#maxSize) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) return;
      const entry = this.#entries.get(oldest.value);
      this.#entries.delete(oldest.value);
      if (entry) this.#retire(entry);
    }
  }

  #retire(entry: PoolEntry): void {
    entry.evicted = true;
    if (entry.inFlight === 0) entry.client.destroy();
  }
}
