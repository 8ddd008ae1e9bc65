import { chmod, writeFile } from "node:fs/promises";
import { startEmulator } from "@bedrock-keys/emulator";
import { createStyle } from "../format/create-style.js";
import type { CliIo } from "../io/cli-io.js";
import { waitForAbort } from "../io/wait-for-abort.js";
import { latencyFor } from "./realistic-latency.js";

/**
 * Options of `bedrock-keys emulator`.
 *
 * @example
 * ```ts
 * const options: EmulatorCommandOptions = { port: 4010, host: "127.0.0.1", region: "us-east-1", latency: "none" };
 * ```
 */
export interface EmulatorCommandOptions {
  port: number;
  host: string;
  region: string;
  latency: "realistic" | "none";
  /** Issue a long-term key and write it to this file (mode 0600); the key is never printed. */
  keyFile?: string;
}

/**
 * `bedrock-keys emulator`: runs the local Bedrock Runtime emulator until Ctrl-C. With `--key-file`, issues a
 * long-term key the emulator accepts and writes it to that file (mode 0600) instead of printing it.
 *
 * @example
 * ```ts
 * await runEmulator({ port: 4010, host: "127.0.0.1", region: "us-east-1", latency: "realistic" }, io);
 * ```
 */
export async function runEmulator(options: EmulatorCommandOptions, io: CliIo): Promise<void> {
  const style = createStyle(io, io.stdout);
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    region: options.region,
    latency: latencyFor(options.latency),
  });
  try {
    const lines = [
      `${style.green("●")} Bedrock emulator listening on ${style.bold(emulator.url)} (region ${emulator.region})`,
      `  latency: ${options.latency}`,
    ];
    if (options.keyFile !== undefined) {
      const key = emulator.keys.issueLongTermKey();
      await writeFile(options.keyFile, `${key}\n`, { mode: 0o600 });
      await chmod(options.keyFile, 0o600);
      lines.push(`  a long-term key for this emulator was written to ${options.keyFile} (mode 0600)`);
      lines.push(
        `  try: bedrock-keys onboard --tenant demo --endpoint ${emulator.url} --region ${emulator.region} < ${options.keyFile}`,
      );
    }
    lines.push("  press Ctrl-C to stop");
    io.stdout.write(`${lines.join("\n")}\n`);
    await waitForAbort(io.signal);
  } finally {
    await emulator.close();
    io.stdout.write("emulator stopped\n");
  }
}
