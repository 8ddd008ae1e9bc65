import {
  BedrockKeyFormatError,
  BedrockKeyRejectedError,
  InvalidOptionsError,
} from "@bedrock-keys/credentials";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../exit-codes.js";
import { CliInputError } from "./cli-input-error.js";
import { CliUsageError } from "./cli-usage-error.js";
import { exitCodeForError } from "./exit-code-for-error.js";

describe("exitCodeForError", () => {
  it("maps the typed errors of the libraries to their documented exit codes", () => {
    expect(exitCodeForError(new BedrockKeyFormatError("TRUNCATED", "cut off"))).toBe(ExitCode.KeyFormat);
    expect(
      exitCodeForError(
        new BedrockKeyRejectedError("no", { reason: "INVALID_KEY", remediation: "paste another" }),
      ),
    ).toBe(ExitCode.KeyRejected);
    expect(exitCodeForError(new InvalidOptionsError("region", "bad region"))).toBe(ExitCode.Usage);
  });

  it("uses the CLI errors' own exit codes", () => {
    expect(exitCodeForError(new CliUsageError("bad"))).toBe(ExitCode.Usage);
    expect(exitCodeForError(new CliInputError("empty", { code: "INPUT_EMPTY" }))).toBe(ExitCode.KeyFormat);
  });

  it("treats anything else as unexpected", () => {
    expect(exitCodeForError(new TypeError("boom"))).toBe(ExitCode.Unexpected);
    expect(exitCodeForError("a string")).toBe(ExitCode.Unexpected);
    expect(exitCodeForError(null)).toBe(ExitCode.Unexpected);
  });
});
