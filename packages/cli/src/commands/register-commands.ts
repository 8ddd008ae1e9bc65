import { type Command, Option } from "commander";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { parseCount } from "../format/parse-count.js";
import { parseDuration } from "../format/parse-duration.js";
import type { CliIo } from "../io/cli-io.js";
import type { DemoOptions } from "./demo.js";
import type { EmulatorCommandOptions } from "./emulator.js";
import type { InspectOptions } from "./inspect.js";

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
    .command("inspect")
    .description("diagnose a key from stdin offline: kind, region, expiry, account, fingerprint")
    .option("--json", "print JSON instead of a table")
    .action(async (options: InspectOptions) => {
      const { runInspect } = await import("./inspect.js");
      await runInspect(options, io);
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
      "onboard a demo tenant and run a role-play and a world simulation on its key (emulator by default)",
    )
    .option("--endpoint <url>", "Bedrock Runtime endpoint override")
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
