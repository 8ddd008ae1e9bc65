import type { Readable, Writable } from "node:stream";

/**
 * A readable stream that may be a terminal.
 *
 * @example
 * ```ts
 * const stdin: CliInput = process.stdin;
 * ```
 */
export type CliInput = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * A writable stream that may be a terminal.
 *
 * @example
 * ```ts
 * const stdout: CliOutput = process.stdout;
 * ```
 */
export type CliOutput = Writable & { isTTY?: boolean; columns?: number };

/**
 * Everything a command touches outside itself. The bin passes the real process streams; tests pass in-memory
 * streams, their own environment and a fixed clock, and run every command in-process.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() };
 * await runCli(["inspect"], io);
 * ```
 */
export interface CliIo {
  stdin: CliInput;
  stdout: CliOutput;
  stderr: CliOutput;
  /** Read only: no command ever writes to it. */
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** Aborted on Ctrl-C / SIGTERM; long-running commands (emulator, chat, simulate, demo) stop cleanly. */
  signal?: AbortSignal;
}
