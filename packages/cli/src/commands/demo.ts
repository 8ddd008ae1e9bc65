import { CliError } from "../errors/cli-error.js";
import type { CliIo } from "../io/cli-io.js";

/**
 * Options of `bedrock-keys demo`.
 *
 * @example
 * ```ts
 * await runDemo({}, io);
 * ```
 */
export interface DemoOptions {
  /** Bedrock Runtime endpoint override (tests point a "real key" run at the emulator). */
  endpoint?: string;
}

/**
 * `bedrock-keys demo`: the whole path a customer's key takes, end to end.
 *
 * @example
 * ```ts
 * await runDemo({}, io);
 * ```
 */
export async function runDemo(_options: DemoOptions, io: CliIo): Promise<void> {
  io.stdout.write(
    [
      "bedrock-keys demo",
      "",
      "Not available yet in this build: the demo needs the emulator (startEmulator), the onboarding path",
      "(onboardKey, MemoryKeyStore, fromKeyStore), ChatBedrockKey and the agents examples, which are still",
      "being written in this repository.",
      "",
    ].join("\n"),
  );
  throw new CliError("The demo is not available in this build yet.", { code: "DEMO_UNAVAILABLE" });
}
