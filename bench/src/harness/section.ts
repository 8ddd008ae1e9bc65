import { errorEntry, skippedEntry } from "./entries.js";
import { NotYetAvailableError } from "./not-yet-available.js";
import { describeError } from "./run-benchmarks.js";
import type { BenchmarkContext, Entry, EntrySpec } from "./types.js";

/**
 * Runs one independent measurement of a benchmark: if it throws, the rows it declared and did not record become
 * "not yet available" (missing API) or error rows, and the benchmark goes on with its next section. An abort
 * (time budget) is rethrown so the harness stops the benchmark.
 */
export async function section(
  context: BenchmarkContext,
  specs: readonly EntrySpec[],
  measure: (record: (entry: Entry) => void) => Promise<void>,
): Promise<void> {
  const done = new Set<string>();
  const record = (entry: Entry) => {
    done.add(entry.name);
    context.record(entry);
  };
  try {
    await measure(record);
  } catch (error) {
    if (context.signal.aborted) throw error;
    const note = NotYetAvailableError.isInstance(error) ? error.message : describeError(error);
    context.log(`${specs.map((s) => s.name).join(", ")}: ${note}`);
    for (const spec of specs) {
      if (done.has(spec.name)) continue;
      context.record(
        NotYetAvailableError.isInstance(error) ? skippedEntry(spec, note) : errorEntry(spec, note),
      );
    }
  }
}
