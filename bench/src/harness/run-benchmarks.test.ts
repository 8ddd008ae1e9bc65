import { describe, expect, it } from "vitest";
import { measuredEntry, spec } from "./entries.js";
import { NotYetAvailableError } from "./not-yet-available.js";
import { runBenchmarks } from "./run-benchmarks.js";
import { section } from "./section.js";
import { single } from "./stats.js";
import type { Benchmark } from "./types.js";

const first = spec("g", "first", "ops/s", "higher");
const second = spec("g", "second", "ops/s", "higher");

function benchmark(run: Benchmark["run"], budget = 30): Benchmark {
  return { id: "b", title: "t", specs: [first, second], budgetSeconds: { quick: budget, full: budget }, run };
}

const quiet = { mode: "quick" as const, log: () => {} };

describe("runBenchmarks", () => {
  it("keeps the recorded rows in declared order", async () => {
    const entries = await runBenchmarks(
      [
        benchmark(async (context) => {
          context.record(measuredEntry(second, { ours: single(2) }));
          context.record(measuredEntry(first, { ours: single(1) }));
        }),
      ],
      quiet,
    );
    expect(entries.map((entry) => [entry.name, entry.status])).toEqual([
      ["first", "ok"],
      ["second", "ok"],
    ]);
  });

  it("turns a missing API into 'not yet available' rows, never a number", async () => {
    const entries = await runBenchmarks(
      [
        benchmark(async () => {
          throw new NotYetAvailableError("@bedrock-keys/x has no y");
        }),
      ],
      quiet,
    );
    expect(entries.map((entry) => entry.status)).toEqual(["skipped", "skipped"]);
    expect(entries[0]?.note).toContain("not yet available");
    expect(entries[0]?.ours).toBeNull();
  });

  it("reports a throwing benchmark as error rows and goes on with the next", async () => {
    const entries = await runBenchmarks(
      [
        benchmark(async (context) => {
          context.record(measuredEntry(first, { ours: single(1) }));
          throw new Error("boom");
        }),
        benchmark(async (context) => {
          context.record(measuredEntry(first, { ours: single(3) }));
          context.record(measuredEntry(second, { ours: single(4) }));
        }),
      ],
      quiet,
    );
    expect(entries.map((entry) => entry.status)).toEqual(["ok", "error", "ok", "ok"]);
    expect(entries[1]?.note).toBe("Error: boom");
  });

  it("stops a benchmark that runs past its budget and reports its unfinished rows", async () => {
    const entries = await runBenchmarks([benchmark(() => new Promise(() => {}), 0.02)], quiet);
    expect(entries.map((entry) => entry.status)).toEqual(["error", "error"]);
    expect(entries[0]?.note).toContain("budget");
  });

  it("lets one section fail while the next section still measures", async () => {
    const entries = await runBenchmarks(
      [
        benchmark(async (context) => {
          await section(context, [first], async () => {
            throw new NotYetAvailableError("first API");
          });
          await section(context, [second], async (record) =>
            record(measuredEntry(second, { ours: single(1) })),
          );
        }),
      ],
      quiet,
    );
    expect(entries.map((entry) => entry.status)).toEqual(["skipped", "ok"]);
  });
});
