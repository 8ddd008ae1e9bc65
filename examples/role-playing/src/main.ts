import { runRolePlayingExample } from "./run-role-playing-example.js";

/** `pnpm start [--turns N] [--task "..."] [--model id]`: CAMEL's trading-bot role-play. */
async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const turns = option("turns");
  const task = option("task");
  const model = option("model");
  const { outcome } = await runRolePlayingExample({
    ...(turns ? { maxTurns: Number(turns) } : {}),
    ...(task ? { task } : {}),
    ...(model ? { model } : {}),
    log: (line) => console.log(line),
  });
  if (outcome.status === "failed") process.exitCode = 1;
}

await main(process.argv.slice(2));
