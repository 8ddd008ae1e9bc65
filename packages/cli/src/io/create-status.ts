import { spinner } from "@clack/prompts";
import type { CliIo } from "./cli-io.js";

/**
 * A one-line progress indicator.
 *
 * @example
 * ```ts
 * const status: Status = createStatus(io);
 * ```
 */
export interface Status {
  start(message: string): void;
  update(message: string): void;
  succeed(message: string): void;
  fail(message: string): void;
}

/**
 * A spinner on stderr when it is a terminal, else plain lines (so logs and pipes stay readable). Always on
 * stderr, so stdout carries only results (`--json`).
 *
 * @example
 * ```ts
 * const status = createStatus(io);
 * status.start("Verifying the key");
 * status.succeed("Key verified");
 * ```
 */
export function createStatus(io: CliIo): Status {
  if (io.stderr.isTTY === true) {
    const spin = spinner({ output: io.stderr, ...(io.signal === undefined ? {} : { signal: io.signal }) });
    return {
      start: (message) => spin.start(message),
      update: (message) => spin.message(message),
      succeed: (message) => spin.stop(message),
      fail: (message) => spin.error(message),
    };
  }
  const line = (text: string): void => {
    io.stderr.write(`${text}\n`);
  };
  return {
    start: (message) => line(`… ${message}`),
    update: (message) => line(`… ${message}`),
    succeed: (message) => line(`✓ ${message}`),
    fail: (message) => line(`✗ ${message}`),
  };
}
