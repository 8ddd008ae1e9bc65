/**
 * Runs contenders in alternating rounds after warm-up rounds, rotating which one goes first each round so that
 * drift (JIT, GC, a noisy neighbour) spreads evenly; each round returns one sample (e.g. ms per call).
 *
 * @example
 * const samples = await interleave({ contenders: { ours, anchor }, warmupRounds: 1, rounds: 5 });
 */
export async function interleave<K extends string>(options: {
  contenders: Record<K, () => Promise<number>>;
  warmupRounds: number;
  rounds: number;
  signal?: AbortSignal;
}): Promise<Record<K, number[]>> {
  const names = Object.keys(options.contenders) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    for (let index = 0; index < names.length; index++) {
      options.signal?.throwIfAborted();
      const name = names[(round + index) % names.length]!;
      const value = await options.contenders[name]();
      if (round >= options.warmupRounds) samples[name].push(value);
    }
  }
  return samples;
}

/** Milliseconds per call of an async operation run `count` times one after another. */
export async function msPerCall(count: number, call: (index: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < count; index++) await call(index);
  return (performance.now() - start) / count;
}

/** Operations per second of a synchronous operation run `count` times. */
export function opsPerSecondSync(count: number, operation: (index: number) => unknown): number {
  const start = performance.now();
  for (let index = 0; index < count; index++) operation(index);
  return count / ((performance.now() - start) / 1000);
}

/** Operations per second of an async operation run `count` times one after another. */
export async function opsPerSecond(
  count: number,
  operation: (index: number) => Promise<unknown>,
): Promise<number> {
  return 1000 / (await msPerCall(count, operation));
}

/** Starts `count` calls at once and returns each one's latency in milliseconds. */
export async function concurrentLatencies(
  count: number,
  call: (index: number) => Promise<unknown>,
): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const start = performance.now();
      await call(index);
      return performance.now() - start;
    }),
  );
}
