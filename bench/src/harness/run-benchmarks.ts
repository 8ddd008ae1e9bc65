import { errorEntry, skippedEntry } from "./entries.js";
import { NotYetAvailableError } from "./not-yet-available.js";
import type { Benchmark, Entry, EntrySpec, Mode } from "./types.js";

/** The first line of an error's message, for a table cell. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}

class BudgetExceededError extends Error {
  constructor(seconds: number) {
    super(`timed out after its ${seconds} s budget`);
    this.name = "BudgetExceeded";
  }
}

/** Rows in the order the benchmark declared them, then any extra rows it recorded; unrecorded specs get `fill`. */
export function completeEntries(
  specs: readonly EntrySpec[],
  recorded: readonly Entry[],
  fill: (spec: EntrySpec) => Entry,
): Entry[] {
  const byName = new Map(recorded.map((entry) => [entry.name, entry]));
  const declared = specs.map((spec) => byName.get(spec.name) ?? fill(spec));
  const specNames = new Set(specs.map((spec) => spec.name));
  return [...declared, ...recorded.filter((entry) => !specNames.has(entry.name))];
}

/**
 * Runs each benchmark in turn within its time budget. A benchmark that throws, or whose API does not exist yet,
 * never stops the run: its unfinished rows become error or "not yet available" rows.
 */
export async function runBenchmarks(
  benchmarks: readonly Benchmark[],
  options: { mode: Mode; log: (message: string) => void; onProgress?: (entries: Entry[]) => Promise<void> },
): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const benchmark of benchmarks) {
    const recorded: Entry[] = [];
    const controller = new AbortController();
    const seconds = benchmark.budgetSeconds[options.mode];
    const started = performance.now();
    options.log(`▶ ${benchmark.id}: ${benchmark.title} (budget ${seconds} s)`);
    let failure: unknown;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new BudgetExceededError(seconds);
          controller.abort(error);
          reject(error);
        }, seconds * 1000);
      });
      await Promise.race([
        benchmark.run({
          mode: options.mode,
          signal: controller.signal,
          record: (entry) => {
            if (!controller.signal.aborted) recorded.push(entry);
          },
          log: (message) => options.log(`  ${benchmark.id}: ${message}`),
        }),
        timeout,
      ]);
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
    }
    const fill = (spec: EntrySpec): Entry => {
      if (failure === undefined) return errorEntry(spec, "the benchmark finished without measuring this");
      if (NotYetAvailableError.isInstance(failure)) return skippedEntry(spec, failure.message);
      return errorEntry(spec, describeError(failure));
    };
    if (failure !== undefined) options.log(`  ${benchmark.id}: ${describeError(failure)}`);
    entries.push(...completeEntries(benchmark.specs, recorded, fill));
    options.log(`  ${benchmark.id}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await options.onProgress?.([...entries]);
  }
  return entries;
}
