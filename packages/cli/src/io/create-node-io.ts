import { setMaxListeners } from "node:events";
import type { CliIo } from "./cli-io.js";

/**
 * The {@link CliIo} of the running process, with an abort signal wired to SIGINT and SIGTERM.
 *
 * @example
 * ```ts
 * const { io, dispose } = createNodeIo();
 * process.exitCode = await runCli(process.argv.slice(2), io);
 * dispose();
 * ```
 */
export function createNodeIo(): { io: CliIo; dispose: () => void } {
  const controller = new AbortController();
  // Every in-flight model call of a large simulation listens to this one signal.
  setMaxListeners(0, controller.signal);
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
    // A second Ctrl-C means "now": skip the clean shutdown.
    if (interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    io: {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      now: () => new Date(),
      signal: controller.signal,
    },
    dispose: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
