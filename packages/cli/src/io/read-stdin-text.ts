import { CliInputError } from "../errors/cli-input-error.js";
import type { CliInput } from "./cli-io.js";

/**
 * Far more than any key (a short-term key with a session token is about 2 KB).
 *
 * @example
 * ```ts
 * await readStdinText(io.stdin, { limitBytes: DEFAULT_STDIN_LIMIT_BYTES });
 * ```
 */
export const DEFAULT_STDIN_LIMIT_BYTES = 64 * 1024;

/**
 * Reads all of stdin as UTF-8, refusing more than `limitBytes` and anything that is not valid UTF-8, with a
 * typed {@link CliInputError} that never quotes the input.
 *
 * @example
 * ```ts
 * const pasted = await readStdinText(io.stdin);
 * ```
 */
export async function readStdinText(stdin: CliInput, options: { limitBytes?: number } = {}): Promise<string> {
  const limit = options.limitBytes ?? DEFAULT_STDIN_LIMIT_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > limit) {
      // Stop reading: the rest is not ours to buffer.
      stdin.pause();
      throw new CliInputError(
        `stdin is larger than ${limit} bytes; a Bedrock API key is at most a few kilobytes. Pipe only the key.`,
        { code: "INPUT_TOO_LARGE" },
      );
    }
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliInputError(
      "stdin is not valid UTF-8 text; a Bedrock API key is plain ASCII. Pipe only the key.",
      {
        code: "INPUT_NOT_UTF8",
      },
    );
  }
  if (text.trim() === "") {
    throw new CliInputError("No key on stdin. Pipe the key in, e.g. `pbpaste | bedrock-keys inspect`.", {
      code: "INPUT_EMPTY",
    });
  }
  return text;
}
