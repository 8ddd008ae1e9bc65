#!/usr/bin/env node
import { createNodeIo } from "./io/create-node-io.js";
import { runCli } from "./run-cli.js";

const { io, dispose } = createNodeIo();
const code = await runCli(process.argv.slice(2), io);
dispose();
process.exitCode = code;
