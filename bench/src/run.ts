import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchmarks } from "./benchmarks/index.js";
import { machineInfo } from "./harness/machine-info.js";
import { parseArgs } from "./harness/parse-args.js";
import { renderReport } from "./harness/render-table.js";
import { resultsSchema } from "./harness/result-schema.js";
import { describeError, runBenchmarks } from "./harness/run-benchmarks.js";
import type { Entry, Mode, Results } from "./harness/types.js";

// Entry point of `pnpm bench`: every registered benchmark in one process tree, results to
// bench/results/latest.json and a Markdown table on stdout. Progress goes to stderr.
const benchDirectory = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Validates and writes the results atomically (a temporary file, then a rename). */
async function writeResults(out: string, results: Results): Promise<void> {
  const valid = resultsSchema.parse(results) as Results;
  await mkdir(dirname(out), { recursive: true });
  await writeFile(`${out}.tmp`, `${JSON.stringify(valid, null, 2)}\n`);
  await rename(`${out}.tmp`, out);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  // A stray error from a socket or a child must not take the whole run (and its JSON) down.
  process.on("unhandledRejection", (reason) =>
    log(`unhandled rejection (ignored): ${describeError(reason)}`),
  );
  process.on("uncaughtException", (error) => log(`uncaught exception (ignored): ${describeError(error)}`));

  const selected =
    options.only.length === 0 ? benchmarks : benchmarks.filter((b) => options.only.includes(b.id));
  if (selected.length === 0) throw new Error(`no benchmark matches --only ${options.only.join(",")}`);

  const out =
    options.out === undefined ? resolve(benchDirectory, "results/latest.json") : resolve(options.out);
  const started = performance.now();
  const timestamp = new Date().toISOString();
  const results = (mode: Mode, entries: Entry[]): Results => ({
    schemaVersion: 1,
    timestamp,
    mode,
    machine: machineInfo(),
    durationSeconds: (performance.now() - started) / 1000,
    benchmarks: entries,
  });
  // The file is rewritten after every benchmark, so even a run that dies midway leaves valid JSON behind.
  const entries = await runBenchmarks(selected, {
    mode: options.mode,
    log,
    onProgress: (done) => writeResults(out, results(options.mode, done)),
  });
  const final = results(options.mode, entries);
  await writeResults(out, final);
  process.stdout.write(`${renderReport(final)}\n`);
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
