import { type Command, Option } from "commander";
import { parseCount } from "../format/parse-count.js";
import { parseDuration } from "../format/parse-duration.js";
import type { CliIo } from "../io/cli-io.js";
import type { ChatOptions } from "./chat.js";
import type { DemoOptions } from "./demo.js";
import type { EmulatorCommandOptions } from "./emulator.js";
import type { SimulateOptions } from "./simulate.js";

/**
 * Declares the commands that run models on a key: `chat`, `simulate`, `emulator`, `demo`. Implementations are
 * imported only when their command runs, so `bedrock-keys inspect` never loads LangChain.
 *
 * @example
 * ```ts
 * registerRunCommands(new Command("bedrock-keys"), io);
 * ```
 */
export function registerRunCommands(program: Command, io: CliIo): void {
  program
    .command("chat")
    .description(
      "interactive chat on a tenant's stored key, streaming answers (one message per line, /exit quits)",
    )
    .requiredOption("--tenant <id>", "chat as this tenant, with its key from the store")
    .option("--model <id>", "model id or inference profile", "amazon.nova-lite-v1:0")
    .option("--system <prompt>", "system prompt")
    .option("--endpoint <url>", "Bedrock Runtime endpoint override (e.g. the emulator)")
    .option("--region <region>", "region (default: the stored key's, else $AWS_REGION)")
    .option("--store <path>", "key store file (default $BEDROCK_KEYS_STORE or ~/.bedrock-keys/keys.db)")
    .option("--master-key-file <path>", "master key file when $BEDROCK_KEYS_MASTER_KEY is unset")
    .action(async (options: ChatOptions) => {
      const { runChat } = await import("./chat.js");
      await runChat(options, io);
    });

  program
    .command("simulate")
    .argument("<example>", "market (world simulation) or role-play")
    .description(
      "run a simulation with live progress and a summary (as --tenant, the env key, or an embedded emulator)",
    )
    .option(
      "--agents <n>",
      "traders (market)",
      (value) => parseCount(value, "--agents", { min: 1, max: 10_000 }),
      20,
    )
    .option(
      "--ticks <n>",
      "ticks (market)",
      (value) => parseCount(value, "--ticks", { min: 1, max: 1000 }),
      3,
    )
    .option(
      "--turns <n>",
      "turns at most (role-play)",
      (value) => parseCount(value, "--turns", { min: 1, max: 50 }),
      6,
    )
    .option(
      "--seed <n>",
      "seed of the world",
      (value) => parseCount(value, "--seed", { min: 0, max: 2 ** 31 }),
      42,
    )
    .option("--record <file>", "record every model exchange to this JSONL cassette")
    .option("--replay <file>", "replay a cassette: no network, no key")
    .option("--tenant <id>", "run on this tenant's key from the store")
    .option("--endpoint <url>", "Bedrock Runtime endpoint override")
    .option("--region <region>", "region (default: the key's, else $AWS_REGION)")
    .option("--model <id>", "model id or inference profile", "amazon.nova-lite-v1:0")
    .addOption(latencyOption())
    .option("--store <path>", "key store file (with --tenant)")
    .option("--master-key-file <path>", "master key file when $BEDROCK_KEYS_MASTER_KEY is unset")
    .option("--timeout <duration>", "stop the run with partial results after this long (exit code 7)", "10m")
    .action(
      async (example: string, options: Omit<SimulateOptions, "timeoutSeconds"> & { timeout: string }) => {
        const { runSimulate } = await import("./simulate.js");
        await runSimulate(
          example,
          { ...options, timeoutSeconds: parseDuration(options.timeout, "--timeout") },
          io,
        );
      },
    );

  program
    .command("emulator")
    .description("run the local Bedrock Runtime emulator until Ctrl-C")
    .option(
      "--port <port>",
      "TCP port (0 = any free port)",
      (value) => parseCount(value, "--port", { min: 0, max: 65_535 }),
      4010,
    )
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--region <region>", "the region the emulator pretends to be", "us-east-1")
    .addOption(latencyOption())
    .option(
      "--key-file <path>",
      "issue a long-term key and write it to this file (mode 0600), never to the terminal",
    )
    .action(async (options: EmulatorCommandOptions) => {
      const { runEmulator } = await import("./emulator.js");
      await runEmulator(options, io);
    });

  program
    .command("demo")
    .description(
      "onboard a demo tenant and run a role-play and a market simulation on its key (emulator by default)",
    )
    .option("--endpoint <url>", "Bedrock Runtime endpoint for the key in $AWS_BEARER_TOKEN_BEDROCK")
    .addOption(latencyOption())
    .option(
      "--agents <n>",
      "traders in the simulation",
      (value) => parseCount(value, "--agents", { min: 1, max: 1000 }),
      20,
    )
    .option(
      "--ticks <n>",
      "simulation ticks",
      (value) => parseCount(value, "--ticks", { min: 1, max: 100 }),
      3,
    )
    .option(
      "--turns <n>",
      "role-play turns at most",
      (value) => parseCount(value, "--turns", { min: 1, max: 20 }),
      6,
    )
    .option("--model <id>", "model id or inference profile")
    .option("--timeout <duration>", "stop each run with partial results after this long (exit code 7)", "2m")
    .action(async (options: Omit<DemoOptions, "timeoutSeconds"> & { timeout: string }) => {
      const { runDemo } = await import("./demo.js");
      await runDemo({ ...options, timeoutSeconds: parseDuration(options.timeout, "--timeout") }, io);
    });
}

function latencyOption(): Option {
  return new Option("--latency <profile>", "simulated model latency of the embedded emulator")
    .choices(["realistic", "none"])
    .default("realistic");
}
