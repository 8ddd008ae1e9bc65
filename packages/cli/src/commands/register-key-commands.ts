import type { Command } from "commander";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { parseDuration } from "../format/parse-duration.js";
import type { CliIo } from "../io/cli-io.js";
import type { InspectOptions } from "./inspect.js";
import type { KeysOptions } from "./keys.js";
import type { OnboardOptions } from "./onboard.js";

/**
 * Declares the commands about keys themselves: `onboard`, `keys list|show|revoke|rotate`, `inspect`, `mint`.
 * Implementations are imported only when their command runs.
 *
 * @example
 * ```ts
 * registerKeyCommands(new Command("bedrock-keys"), io);
 * ```
 */
export function registerKeyCommands(program: Command, io: CliIo): void {
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
    .option(
      "--expires-at <date>",
      "a long-term key's expiry as set in IAM (ISO 8601), for expiry warnings",
      parseDate,
    )
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
      .option(
        "--expires-at <date>",
        "a long-term key's expiry as set in IAM (ISO 8601), for expiry warnings",
        parseDate,
      )
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
}

function parseDate(text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new CliUsageError(
      "--expires-at must be an ISO 8601 date such as 2027-01-31 or 2027-01-31T12:00:00Z.",
      {
        code: "INVALID_DATE",
      },
    );
  }
  return date;
}
