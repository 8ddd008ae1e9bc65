import { PassThrough } from "node:stream";
import picocolors from "picocolors";
import { describe, expect, it } from "vitest";
import type { CliOutput } from "../io/cli-io.js";
import { createProgressLine } from "./watch-run.js";

function output(tty: boolean): { stream: CliOutput; text: () => string } {
  const stream = new PassThrough() as PassThrough & CliOutput;
  stream.isTTY = tty;
  stream.columns = 40;
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("createProgressLine", () => {
  it("redraws one line in place on a terminal, cut to its width before styling", () => {
    const out = output(true);
    const io = {
      stdin: new PassThrough(),
      stdout: out.stream,
      stderr: out.stream,
      env: {},
      now: () => new Date(),
    };
    const line = createProgressLine(io, picocolors.createColors(true));
    line.update(`tick 1/3 ${"x".repeat(100)}`);
    line.commit("tick 1/3 done");
    const text = out.text();
    expect(text.startsWith("\r\u001b[2K\u001b[2mtick 1/3 ")).toBe(true);
    expect(text).toContain("x\u001b[22m\r\u001b[2Ktick 1/3 done\n");
    expect(text.split("x").length - 1).toBe(40 - "tick 1/3 ".length);
  });

  it("prints only committed lines in a pipe", () => {
    const out = output(false);
    const io = {
      stdin: new PassThrough(),
      stdout: out.stream,
      stderr: out.stream,
      env: {},
      now: () => new Date(),
    };
    const line = createProgressLine(io, picocolors.createColors(false));
    line.update("tick 1/3 …");
    line.commit("tick 1/3 done");
    expect(out.text()).toBe("tick 1/3 done\n");
  });
});
