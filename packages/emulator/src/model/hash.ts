/**
 * Fast, non-cryptographic hashing and a seeded PRNG for the simulated model. The model is called thousands of
 * times per second in benchmarks, so it uses FNV-1a (32-bit) and mulberry32 instead of node:crypto.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the UTF-16 code units of `text`, continuing from `previous` (to hash several parts in sequence).
 *
 * @example
 * ```ts
 * const h = hashString("world", hashString("hello")); // an unsigned 32-bit integer
 * ```
 */
export function hashString(text: string, previous: number = FNV_OFFSET): number {
  let hash = previous >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * Mixes a number (e.g. a seed or a counter) into a running hash.
 *
 * @example
 * ```ts
 * const h = hashNumber(42, hashString("conversation"));
 * ```
 */
export function hashNumber(value: number, previous: number = FNV_OFFSET): number {
  let hash = (previous ^ (value | 0)) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A seeded pseudo-random source: `next()` in [0, 1), `int(n)` in [0, n), `pick(array)`. */
export interface Random {
  next(): number;
  int(exclusiveMax: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * A mulberry32 PRNG seeded with a 32-bit integer: deterministic, fast, good enough for phrasing and ids.
 *
 * @example
 * ```ts
 * const random = createRandom(hashString("seed"));
 * random.pick(["a", "b", "c"]);
 * ```
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (exclusiveMax) => Math.floor(next() * exclusiveMax),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A deterministic base62 string of `length` characters drawn from `random` (used for tool-use and message ids).
 *
 * @example
 * ```ts
 * "tooluse_" + randomBase62(createRandom(7), 22);
 * ```
 */
export function randomBase62(random: Random, length: number): string {
  let out = "";
  for (let index = 0; index < length; index++) out += BASE62[random.int(62)];
  return out;
}
