import { type Command, Option } from "commander";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { parseCount } from "../format/parse-count.js";
import { parseDuration } from "../format/parse-duration.js";
import type { CliIo } from "../io/cli-io.js";
import type { ChatOptions } from "./chat.js";
import type { DemoOptions } from "./demo.js";
import type { EmulatorCommandOptions } from "./emulator.js";
import type { InspectOptions } from "./inspect.js";
import type { KeysOptions } from "./keys.js";
import type { OnboardOptions } from "./onboard.js";
import type { SimulateOptions } from "./simulate.js";

/**
 * Declares every command, its options and help text. Implementations are imported only when their command runs,
 * so `bedrock-keys inspect` never loads LangChain, and `--help` works even while a dependency is broken.
 *
 * @example
 * ```ts
 * registerCommands(new Command("bedrock-keys"), io);
 * ```
 */
export function registerCommands(program: Command, io: CliIo): void {
  program
    .command("onboard")
    .description(
      "diagnose, verify and store a customer's key (hidden prompt or stdin); prints the report, never the key",
    )
    .requiredOption("--tenant <id>", "the tenant (customer) the key belongs to")
    .option("--json", "print the report as JSON")
    .option("--endpoint <url>", "Bedrock Runtime endpoint override (e.g. the emulator)")
    .option(
      "--region <region>",
      "region for a long-term key (default $AWS_REGION; a short-term key's region wins)",
    )
    .option("--probe-model <id>", "the model to verify the key with")
    .option("--no-verify", "store without the live check")
    .option("--store <path>", "key store file (default $BEDROCK_KEYS_STORE or ~/.bedrock-keys/keys.db)")
    .option("--master-key-file <path>", "master key file when $BEDROCK_KEYS_MASTER_KEY is unset")
    .action(async (options: OnboardOptions) => {
      const { runOnboard } = await import("./onboard.js");
      await runOnboard(options, io);
    });

  const keys = program
    .command("keys")
    .description("list, show, revoke and rotate stored keys (metadata only)");
  const storeOptions = (command: Command): Command =>
    command
      .option("--store <path>", "key store file (default $BEDROCK_KEYS_STORE or ~/.bedrock-keys/keys.db)")
      .option("--master-key-file <path>", "master key file when $BEDROCK_KEYS_MASTER_KEY is unset")
      .option("--json", "print JSON");
  storeOptions(keys.command("list").description("every stored key")).action(async (options: KeysOptions) => {
    const { runKeysList } = await import("./keys.js");
    await runKeysList(options, io);
  });
  storeOptions(keys.command("show").argument("<tenant>").description("one tenant's keys")).action(
    async (tenant: string, options: KeysOptions) => {
      const { runKeysShow } = await import("./keys.js");
      await runKeysShow(tenant, options, io);
    },
  );
  storeOptions(
    keys
      .command("revoke")
      .argument("<tenant>")
      .description("revoke a tenant's keys in the store (also revoke them in IAM)")
      .option("--fingerprint <hex>", "revoke only this key"),
  ).action(async (tenant: string, options: KeysOptions & { fingerprint?: string }) => {
    const { runKeysRevoke } = await import("./keys.js");
    await runKeysRevoke(tenant, options, io);
  });
  storeOptions(
    keys
      .command("rotate")
      .argument("<tenant>")
      .description("replace a tenant's key: read the new one, verify it live, then retire the old one")
      .option("--endpoint <url>", "Bedrock Runtime endpoint override (e.g. the emulator)")
      .option("--region <region>", "region for a long-term key")
      .option("--probe-model <id>", "the model to verify the key with")
      .option("--no-verify", "skip the live check"),
  ).action(async (tenant: string, options: Omit<OnboardOptions, "tenant">) => {
    const { runOnboard } = await import("./onboard.js");
    await runOnboard({ ...options, tenant, rotate: true }, io);
  });

  program
    .command("inspect")
    .description("diagnose a key from stdin offline: kind, region, expiry, account, fingerprint")
    .option("--json", "print JSON instead of a table")
    .action(async (options: InspectOptions) => {
      const { runInspect } = await import("./inspect.js");
      await runInspect(options, io);
    });

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
    .action(async (example: string, options: SimulateOptions) => {
      const { runSimulate } = await import("./simulate.js");
      await runSimulate(example, options, io);
    });

  program
    .command("mint")
    .description(
      "mint a short-term key from AWS credentials and print it to stdout (the only command that prints a key)",
    )
    .option("--region <region>", "the one region the key works in (default $AWS_REGION)")
    .option("--expires <duration>", "lifetime, at most 12h", "12h")
    .action(async (options: { region?: string; expires: string }) => {
      const region = options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
      if (region === undefined || region === "") {
        throw new CliUsageError(
          "mint needs a region: pass --region (a short-term key works only in its region).",
          {
            code: "MISSING_REGION",
          },
        );
      }
      const expiresInSeconds = parseDuration(options.expires, "--expires");
      const { runMint } = await import("./mint.js");
      await runMint({ region, expiresInSeconds }, io);
    });

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
    .action(async (options: DemoOptions) => {
      const { runDemo } = await import("./demo.js");
      await runDemo(options, io);
    });
}

function latencyOption(): Option {
  return new Option("--latency <profile>", "simulated model latency of the embedded emulator")
    .choices(["realistic", "none"])
    .default("realistic");
}
