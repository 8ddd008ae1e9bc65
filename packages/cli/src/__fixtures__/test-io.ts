import { PassThrough, Readable } from "node:stream";
import type { CliIo } from "../io/cli-io.js";
import { runCli } from "../run-cli.js";

/** An in-memory {@link CliIo}: stdin from a string or bytes, stdout and stderr captured as text. */
export function createTestIo(
  options: {
    stdin?: string | Uint8Array | Readable;
    env?: Record<string, string | undefined>;
    now?: Date;
    signal?: AbortSignal;
  } = {},
): { io: CliIo; stdout: () => string; stderr: () => string } {
  const stdin =
    options.stdin instanceof Readable
      ? options.stdin
      : Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const now = options.now ?? new Date("2026-11-27T12:00:00Z");
  const io: CliIo = {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    now: () => now,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  return {
    io,
    stdout: () => Buffer.concat(out).toString("utf8"),
    stderr: () => Buffer.concat(err).toString("utf8"),
  };
}

/** Runs the CLI in-process and returns the exit code with everything it printed. */
export async function run(
  argv: string[],
  options: Parameters<typeof createTestIo>[0] = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const test = createTestIo(options);
  const code = await runCli(argv, test.io);
  return { code, stdout: test.stdout(), stderr: test.stderr() };
}
