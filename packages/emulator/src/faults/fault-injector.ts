import { seededRandom } from "./seeded-random.js";

/** A fault the emulator can inject into a model request. */
export type FaultKind =
  | "throttling"
  | "serviceUnavailable"
  | "internalServer"
  | "modelNotReady"
  | "modelTimeout"
  | "midStreamError"
  | "connectionReset"
  | "slow";

/**
 * Fault injection: `rates` (probability per request of each kind, drawn from a PRNG seeded with `seed`) and/or a
 * `sequence` consumed one entry per request (`null` = no fault) before rates apply. `slowMs` is the delay a
 * `slow` fault adds (default 2000).
 */
export interface FaultConfig {
  rates?: Partial<Record<FaultKind, number>> | undefined;
  sequence?: Array<FaultKind | null> | undefined;
  seed?: number | undefined;
  slowMs?: number | undefined;
}

const KINDS: readonly FaultKind[] = [
  "throttling",
  "serviceUnavailable",
  "internalServer",
  "modelNotReady",
  "modelTimeout",
  "midStreamError",
  "connectionReset",
  "slow",
];

/**
 * Decides, per model request, which fault (if any) to inject. Deterministic for a given seed and request order.
 *
 * @example
 * ```ts
 * const faults = new FaultInjector({ sequence: ["throttling", null] }, 42);
 * faults.next(); // => "throttling"
 * faults.next(); // => undefined
 * ```
 */
export class FaultInjector {
  #config: FaultConfig = {};
  #sequence: Array<FaultKind | null> = [];
  #random: () => number = Math.random;
  readonly #defaultSeed: number;

  constructor(config: FaultConfig | undefined, defaultSeed: number) {
    this.#defaultSeed = defaultSeed;
    this.set(config ?? {});
  }

  get slowMs(): number {
    return this.#config.slowMs ?? 2000;
  }

  set(config: FaultConfig): void {
    this.#config = { ...config };
    this.#sequence = [...(config.sequence ?? [])];
    this.#random = seededRandom(config.seed ?? this.#defaultSeed);
  }

  clear(): void {
    this.set({});
  }

  next(): FaultKind | undefined {
    if (this.#sequence.length > 0) return this.#sequence.shift() ?? undefined;
    const rates = this.#config.rates;
    if (rates === undefined) return undefined;
    for (const kind of KINDS) {
      const rate = rates[kind];
      if (rate !== undefined && rate > 0 && this.#random() < rate) return kind;
    }
    return undefined;
  }
}
