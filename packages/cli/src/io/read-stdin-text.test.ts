import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CliInputError } from "../errors/cli-input-error.js";
import { ExitCode } from "../exit-codes.js";
import { readStdinText } from "./read-stdin-text.js";

describe("readStdinText", () => {
  it("reads a key split across chunks", async () => {
    const text = await readStdinText(Readable.from([Buffer.from("ABSKab"), Buffer.from("cd\n")]));
    expect(text).toBe("ABSKabcd\n");
  });

  it("refuses more than the limit with INPUT_TOO_LARGE", async () => {
    const huge = Readable.from(
      (function* () {
        for (let index = 0; index < 100; index += 1) yield Buffer.alloc(1024, 0x41);
      })(),
    );
    const error = await readStdinText(huge, { limitBytes: 4096 }).catch((caught: unknown) => caught);
    expect(CliInputError.isInstance(error)).toBe(true);
    expect((error as CliInputError).code).toBe("INPUT_TOO_LARGE");
    expect((error as CliInputError).exitCode).toBe(ExitCode.KeyFormat);
  });

  it("refuses invalid UTF-8 with INPUT_NOT_UTF8", async () => {
    const error = await readStdinText(Readable.from([Buffer.from([0x41, 0xff, 0xfe, 0x80])])).catch(
      (caught: unknown) => caught,
    );
    expect((error as CliInputError).code).toBe("INPUT_NOT_UTF8");
  });

  it("refuses empty or blank input with INPUT_EMPTY", async () => {
    for (const input of [[], [Buffer.from("  \n\t ")]]) {
      const error = await readStdinText(Readable.from(input)).catch((caught: unknown) => caught);
      expect((error as CliInputError).code).toBe("INPUT_EMPTY");
    }
  });
});
