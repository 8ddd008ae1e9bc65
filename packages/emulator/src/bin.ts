#!/usr/bin/env node
import { runEmulatorCli } from "./run-emulator-cli.js";

// The `bedrock-emulator` executable: start, print URL and key, stop cleanly on SIGINT / SIGTERM.
const result = await runEmulatorCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
});
const emulator = result.emulator;
if (emulator === undefined) {
  process.exitCode = result.exitCode;
} else {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, stopping.\n`);
    emulator.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`Error while stopping: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
