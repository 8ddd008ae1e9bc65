import { runWorldSimulationExample } from "./run-world-simulation-example.js";

/** `pnpm start [--agents 100] [--ticks 5] [--seed 42] [--model id]`: a small stock market of LLM traders. */
async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string) => {
    const value = option(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer.`);
    return parsed;
  };
  const agents = number("agents");
  const ticks = number("ticks");
  const seed = number("seed");
  const model = option("model");
  const { outcome } = await runWorldSimulationExample({
    ...(agents ? { agents } : {}),
    ...(ticks ? { ticks } : {}),
    ...(seed ? { seed } : {}),
    ...(model ? { model } : {}),
    log: (line) => console.log(line),
  });
  if (outcome.status === "failed") process.exitCode = 1;
}

await main(process.argv.slice(2));
