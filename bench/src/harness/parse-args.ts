import type { Mode } from "./types.js";

/** Command-line options of `pnpm bench`. */
export interface RunOptions {
  mode: Mode;
  /** Benchmark ids to run; all when empty. */
  only: string[];
  /** Where to write the results, relative to the current directory, or absolute. */
  out: string | undefined;
}

/**
 * Parses `--quick`, `--only a,b` (or `--only=a,b`) and `--out path`; a bare `--` (how pnpm forwards arguments)
 * is ignored and anything unknown is an error.
 */
export function parseArgs(argv: readonly string[]): RunOptions {
  const options: RunOptions = { mode: "full", only: [], out: undefined };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [flag, inline] =
      argument.startsWith("--") && argument.includes("=") ? argument.split("=", 2) : [argument];
    const value = () => inline ?? argv[++index] ?? "";
    if (flag === "--") continue;
    if (flag === "--quick") options.mode = "quick";
    else if (flag === "--full") options.mode = "full";
    else if (flag === "--only") options.only.push(...value().split(",").filter(Boolean));
    else if (flag === "--out") options.out = value();
    else throw new Error(`unknown argument ${argument}; use --quick, --only <ids> or --out <file>`);
  }
  return options;
}
