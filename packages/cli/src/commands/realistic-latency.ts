/**
 * Latency that feels like Bedrock for a small model (first token after ~250 ms, then ~150 tokens/s), used by
 * `demo` and `emulator` unless `--latency none`.
 *
 * @example
 * ```ts
 * await startEmulator({ latency: REALISTIC_LATENCY });
 * ```
 */
export const REALISTIC_LATENCY = { firstTokenMs: 250, tokensPerSecond: 150 } as const;

/**
 * The emulator latency for a `--latency` option value.
 *
 * @example
 * ```ts
 * latencyFor("none"); // {}
 * ```
 */
export function latencyFor(profile: "realistic" | "none"): {
  firstTokenMs?: number;
  tokensPerSecond?: number;
} {
  return profile === "none" ? {} : { ...REALISTIC_LATENCY };
}

/**
 * Faults the demo's emulator injects in realistic mode: a little throttling, as a busy Bedrock account sees, so
 * the summary shows throttles absorbed by the shared rate limiter rather than lost work.
 *
 * @example
 * ```ts
 * await startEmulator({ latency: REALISTIC_LATENCY, faults: faultsFor("realistic") });
 * ```
 */
export function faultsFor(profile: "realistic" | "none"): { rates?: { throttling: number }; seed?: number } {
  return profile === "none" ? {} : { rates: { throttling: 0.05 }, seed: 7 };
}
