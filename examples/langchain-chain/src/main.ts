import { startEmulator } from "@bedrock-keys/emulator";
import { type ChainTarget, runChain } from "./run-chain.js";

/**
 * A LangChain chain on Bedrock API keys. With AWS_BEARER_TOKEN_BEDROCK set it calls real Bedrock with that key
 * (for both "tenants"); without it, it starts the local emulator and issues a key per tenant.
 */
async function main(): Promise<void> {
  const envKey = process.env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (envKey) {
    const target: ChainTarget = {
      model: process.env.BEDROCK_MODEL ?? "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
      tenantKeys: { acme: envKey, globex: envKey },
      env: process.env,
    };
    await runChain(target, (line) => console.log(line));
    return;
  }
  const emulator = await startEmulator();
  console.log(`(no AWS_BEARER_TOKEN_BEDROCK: using the local emulator at ${emulator.url})`);
  try {
    await runChain(
      {
        model: "anthropic.claude-3-5-haiku-20241022-v1:0",
        region: emulator.region,
        endpoint: emulator.url,
        tenantKeys: {
          acme: emulator.keys.issueLongTermKey({ userName: "acme" }),
          globex: emulator.keys.issueLongTermKey({ userName: "globex" }),
        },
        env: {},
      },
      (line) => console.log(line),
    );
    const tenants = new Set(emulator.audit().map((entry) => entry.fingerprint));
    console.log(
      `== emulator served ${emulator.audit().length} requests for ${tenants.size} key fingerprints`,
    );
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
