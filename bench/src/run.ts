import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchmarks } from "./benchmarks/index.js";
import { machineInfo } from "./harness/machine-info.js";
import { parseArgs } from "./harness/parse-args.js";
import { renderReport } from "./harness/render-table.js";
import { resultsSchema } from "./harness/result-schema.js";
import { describeError, runBenchmarks } from "./harness/run-benchmarks.js";
import type { Results } from "./harness/types.js";

// Entry point of `pnpm bench`: every registered benchmark in one process tree, results to
// bench/results/latest.json and a Markdown table on stdout. Progress goes to stderr.
const benchDirectory = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  process.on("unhandledRejection", (reason) =>
    log(`unhandled rejection (ignored): ${describeError(reason)}`),
  );

  const selected =
    options.only.length === 0 ? benchmarks : benchmarks.filter((b) => options.only.includes(b.id));
  if (selected.length === 0) throw new Error(`no benchmark matches --only ${options.only.join(",")}`);

  const started = performance.now();
  const timestamp = new Date().toISOString();
  const entries = await runBenchmarks(selected, { mode: options.mode, log });
  const results: Results = resultsSchema.parse({
    schemaVersion: 1,
    timestamp,
    mode: options.mode,
    machine: machineInfo(),
    durationSeconds: (performance.now() - started) / 1000,
    benchmarks: entries,
  }) as Results;

  const out =
    options.out === undefined ? resolve(benchDirectory, "results/latest.json") : resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderReport(results)}\n`);
  log(`results written to ${out}`);
}

main().then(
  // Exit explicitly: a benchmark that timed out may still hold sockets or timers open.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench harness failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
