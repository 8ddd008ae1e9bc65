/**
 * Maps `items` through `fn` with at most `concurrency` calls in flight, keeping results in input order.
 * Stops starting new items after the first rejection and rethrows it once the in-flight calls settle.
 *
 * @example
 * ```ts
 * const doubled = await mapWithConcurrency([1, 2, 3], 2, async (n) => n * 2);
 * ```
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker);
  await Promise.all(workers);
  if (failure) throw failure.error;
  return results;
}
