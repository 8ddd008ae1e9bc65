import { parseBedrockApiKey } from "@bedrock-keys/credentials";
import { describeKey, keyDescriptionRows } from "../format/describe-key.js";
import { renderTable } from "../format/render-table.js";
import type { CliIo } from "../io/cli-io.js";
import { readKeyInput } from "../io/read-key-input.js";

/**
 * Options of `bedrock-keys inspect`.
 *
 * @example
 * ```ts
 * const options: InspectOptions = { json: true };
 * ```
 */
export interface InspectOptions {
  json?: boolean;
}

/**
 * `bedrock-keys inspect`: diagnoses a key from stdin (or a hidden prompt) offline — kind, region, expiry
 * countdown, account, fingerprint — without any network call. A bad paste fails with the parser's typed
 * error (exit code 3), which says what was pasted instead.
 *
 * @example
 * ```ts
 * await runInspect({ json: true }, io); // echo "$KEY" | bedrock-keys inspect --json
 * ```
 */
export async function runInspect(options: InspectOptions, io: CliIo): Promise<void> {
  const pasted = await readKeyInput(io, "Paste the Bedrock API key to inspect");
  const now = io.now();
  const key = parseBedrockApiKey(pasted, { now });
  const description = describeKey(key, now);
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(description, null, 2)}\n`);
    return;
  }
  io.stdout.write(`${renderTable({ rows: keyDescriptionRows(description) })}\n`);
}
