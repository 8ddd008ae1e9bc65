import { parseArgs } from "node:util";
import type { Emulator } from "./emulator.js";
import { EmulatorOptionsError } from "./errors/emulator-options-error.js";
import { startEmulator } from "./start-emulator.js";

const USAGE = `Usage: bedrock-emulator [--port 4010] [--host 127.0.0.1] [--region us-east-1] [--seed 42]
                        [--first-token-ms 0] [--tokens-per-second 0]

Starts a local Amazon Bedrock Runtime (HTTP/2 cleartext and HTTP/1.1 on one port) and prints its URL and a
freshly issued long-term API key. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

/** Where {@link runEmulatorCli} writes. */
export interface CliOutput {
  out(line: string): void;
  error(line: string): void;
}

/**
 * The `bedrock-emulator` command without the process around it: parses arguments, starts the emulator and
 * prints how to reach it. Returns the running emulator, or undefined (with an exit code) for `--help` and bad
 * arguments.
 *
 * @example
 * ```ts
 * const result = await runEmulatorCli(["--port", "0"], { out: console.log, error: console.error });
 * await result.emulator?.close();
 * ```
 */
export async function runEmulatorCli(
  argv: readonly string[],
  output: CliOutput,
): Promise<{ emulator?: Emulator; exitCode: number }> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        region: { type: "string", default: "us-east-1" },
        seed: { type: "string" },
        "first-token-ms": { type: "string" },
        "tokens-per-second": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    output.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return { exitCode: 2 };
  }
  if (values.help === true) {
    output.out(USAGE);
    return { exitCode: 0 };
  }
  const number = (name: string): number | undefined =>
    values[name] === undefined ? undefined : Number(values[name]);
  const firstTokenMs = number("first-token-ms");
  const tokensPerSecond = number("tokens-per-second");
  const seed = number("seed");
  let emulator: Emulator;
  try {
    emulator = await startEmulator({
      port: Number(values.port),
      host: String(values.host),
      region: String(values.region),
      ...(seed === undefined ? {} : { seed }),
      ...(firstTokenMs === undefined && tokensPerSecond === undefined
        ? {}
        : {
            latency: {
              ...(firstTokenMs === undefined ? {} : { firstTokenMs }),
              ...(tokensPerSecond === undefined ? {} : { tokensPerSecond }),
            },
          }),
    });
  } catch (error) {
    const message = EmulatorOptionsError.isInstance(error)
      ? error.message
      : `Could not start the emulator: ${error instanceof Error ? error.message : String(error)}`;
    output.error(message);
    return { exitCode: EmulatorOptionsError.isInstance(error) ? 2 : 1 };
  }
  const key = emulator.keys.issueLongTermKey({ userName: "bedrock-emulator" });
  output.out(`Bedrock emulator listening on ${emulator.url} (region ${emulator.region})`);
  output.out(`API key: ${key}`);
  output.out("");
  output.out("Try it:");
  output.out(
    `  curl -sS -X POST ${emulator.url}/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse \\\n` +
      `    -H "Content-Type: application/json" -H "Authorization: Bearer $KEY" \\\n` +
      `    -d '{"messages":[{"role":"user","content":[{"text":"Hello"}]}]}'`,
  );
  output.out("Press Ctrl-C to stop.");
  return { emulator, exitCode: 0 };
}
