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
