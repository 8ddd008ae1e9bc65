// Run in a child process (with tsx) whose real process.env holds AWS_BEARER_TOKEN_BEDROCK, to prove what the
// SDK sends when that variable exists. Usage: converse-in-child.ts <endpoint> [explicit key]
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { createBedrockRuntimeClient } from "../client/create-bedrock-runtime-client.js";

const [endpoint, apiKey] = process.argv.slice(2);
const client = createBedrockRuntimeClient({
  endpoint: endpoint ?? "",
  region: "us-east-1",
  maxAttempts: 1,
  ...(apiKey !== undefined ? { apiKey } : {}),
});
try {
  await client.send(
    new ConverseCommand({
      modelId: "amazon.nova-lite-v1:0",
      messages: [{ role: "user", content: [{ text: "Hi" }] }],
    }),
  );
  process.stdout.write("ok\n");
} catch (error) {
  process.stdout.write(`failed: ${(error as Error).name}\n`);
} finally {
  client.destroy();
}
