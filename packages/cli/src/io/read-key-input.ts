import { isCancel, password } from "@clack/prompts";
import { CliInputError } from "../errors/cli-input-error.js";
import type { CliIo } from "./cli-io.js";
import { readStdinText } from "./read-stdin-text.js";

/**
 * Reads a pasted key: from a hidden prompt (nothing is echoed, not even a mask) when stdin is a terminal, else
 * all of stdin with {@link readStdinText}'s limits. The prompt writes to stderr so stdout stays clean for
 * `--json`.
 *
 * @example
 * ```ts
 * const pasted = await readKeyInput(io, "Paste the Bedrock API key");
 * ```
 */
export async function readKeyInput(io: CliIo, message: string): Promise<string> {
  if (io.stdin.isTTY !== true) return readStdinText(io.stdin);
  const answer = await password({
    message,
    mask: "",
    input: io.stdin,
    output: io.stderr,
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    validate: (value) =>
      (value ?? "").trim() === "" ? "Paste the key, or press Ctrl-C to cancel." : undefined,
  });
  if (isCancel(answer))
    throw new CliInputError("Cancelled: no key was entered.", { code: "INPUT_CANCELLED" });
  return answer;
}
