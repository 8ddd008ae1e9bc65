import type { Command } from "commander";
import type { CliIo } from "../io/cli-io.js";
import type { DemoOptions } from "./demo.js";
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
