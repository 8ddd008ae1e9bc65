import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { mintShortTermKey } from "@bedrock-keys/credentials";
import type { CliIo } from "../io/cli-io.js";

/**
 * Options of `bedrock-keys mint`.
 *
 * @example
 * ```ts
 * const options: MintOptions = { region: "us-west-2", expiresInSeconds: 3600 };
 * ```
 */
export interface MintOptions {
  region: string;
  /** Lifetime in seconds (from `--expires 12h`). */
  expiresInSeconds: number;
}

/**
 * `bedrock-keys mint`: signs a short-term Bedrock API key (valid in `region` only, at most 12 hours) with AWS
 * credentials and writes it — and nothing else — to stdout, so `export AWS_BEARER_TOKEN_BEDROCK=$(bedrock-keys
 * mint --region us-east-1)` works. The one command that prints a key, because that is what was asked for.
 * Credentials come from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` in the injected
 * environment when set, else from the AWS SDK's default chain (profile, SSO, container or instance role). Signing
 * is local: no request is made.
 *
 * @example
 * ```ts
 * await runMint({ region: "us-west-2", expiresInSeconds: 3600 }, io);
 * ```
 */
export async function runMint(options: MintOptions, io: CliIo): Promise<void> {
  const key = await mintShortTermKey({
    credentials: credentialsFrom(io),
    region: options.region,
    expiresInSeconds: options.expiresInSeconds,
    now: io.now(),
  });
  io.stdout.write(`${key.reveal()}\n`);
  if (io.stderr.isTTY === true) {
    io.stderr.write(
      `minted ${key} for ${options.region}, valid until ${key.expiresAt?.toISOString() ?? "?"}\n`,
    );
  }
}

function credentialsFrom(io: CliIo): Parameters<typeof mintShortTermKey>[0]["credentials"] {
  const accessKeyId = io.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = io.env.AWS_SECRET_ACCESS_KEY;
  if (
    accessKeyId !== undefined &&
    accessKeyId !== "" &&
    secretAccessKey !== undefined &&
    secretAccessKey !== ""
  ) {
    const sessionToken = io.env.AWS_SESSION_TOKEN;
    return sessionToken === undefined || sessionToken === ""
      ? { accessKeyId, secretAccessKey }
      : { accessKeyId, secretAccessKey, sessionToken };
  }
  const profile = io.env.AWS_PROFILE;
  return defaultProvider(profile === undefined ? {} : { profile });
}
