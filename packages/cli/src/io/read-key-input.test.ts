import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { leakedWindows, makeCanaryLongTermKey } from "../__fixtures__/canary-keys.js";
import { CliInputError } from "../errors/cli-input-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliInput, CliIo, CliOutput } from "./cli-io.js";
import { readKeyInput } from "./read-key-input.js";

/** A fake terminal: stdin that claims to be a TTY (raw mode is a no-op), stderr captured. */
function fakeTerminal(): { io: CliIo; type: (text: string) => void; screen: () => string } {
  const stdin = new PassThrough() as PassThrough & CliInput;
  stdin.isTTY = true;
  stdin.setRawMode = () => stdin;
  const stderr = new PassThrough() as PassThrough & CliOutput;
  stderr.isTTY = true;
  stderr.columns = 100;
  const chunks: Buffer[] = [];
  stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
  return {
    io: { stdin, stdout: new PassThrough(), stderr, env: {}, now: () => new Date() },
    type: (text) => stdin.write(text),
    screen: () => Buffer.concat(chunks).toString("utf8"),
  };
}

describe("readKeyInput on a terminal", () => {
  it("reads a pasted key from the hidden prompt without echoing any of it", async () => {
    const { key, secret } = makeCanaryLongTermKey();
    const terminal = fakeTerminal();
    const reading = readKeyInput(terminal.io, "Paste the key");
    terminal.type(key);
    terminal.type("\r");
    expect(await reading).toBe(key);
    expect(terminal.screen()).toContain("Paste the key");
    expect(leakedWindows(terminal.screen(), key, secret)).toEqual([]);
    expect(terminal.screen()).not.toContain("•");
  });

  it("turns Ctrl-C at the prompt into INPUT_CANCELLED (exit code 130)", async () => {
    const terminal = fakeTerminal();
    const reading = readKeyInput(terminal.io, "Paste the key").catch((error: unknown) => error);
    terminal.type("ABSKpartial");
    terminal.type("\u0003");
    const error = await reading;
    expect(CliInputError.isInstance(error)).toBe(true);
    expect((error as CliInputError).code).toBe("INPUT_CANCELLED");
    expect((error as CliInputError).exitCode).toBe(ExitCode.Interrupted);
    expect(terminal.screen()).not.toContain("ABSKpartial");
  });
});
