#!/usr/bin/env node
import { createNodeIo } from "./io/create-node-io.js";
import { runCli } from "./run-cli.js";

const argv = process.argv.slice(2);
if (!argv.includes("--debug")) {
  // The AWS SDK warns once per process that its 2027 releases will need Node 22. This CLI supports Node 20, and
  // the multi-line notice would land in the middle of its output; --debug shows it.
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    if (String(warning).startsWith("NodeVersionSupportWarning")) return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}

// `bedrock-keys keys list | head -1`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { io, dispose } = createNodeIo();
const code = await runCli(argv, io);
dispose();
process.exitCode = code;
// The command is done and every server it started is closed. Exit now rather than wait for the event loop to
// drain: an HTTP/2 session a library still holds (a client pool, a server socket being reset) must not keep a
// finished command alive. Both streams are flushed first.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
