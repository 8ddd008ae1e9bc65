import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { startEmulator } from "../start-emulator.js";

// Run as a child process by close.test.ts: requests over the SDK's HTTP/2 handler, then the client and the
// emulator are closed at once, with no pause. The process must then exit on its own.
const emulator = await startEmulator();
const client = new BedrockRuntimeClient({
  region: emulator.region,
  endpoint: emulator.url,
  token: { token: emulator.keys.issueLongTermKey() },
  authSchemePreference: ["httpBearerAuth"],
});
const messages = [{ role: "user" as const, content: [{ text: "hi" }] }];
const count = Number(process.argv[2] ?? "1");
await Promise.all(
  Array.from({ length: count }, () =>
    client.send(new ConverseCommand({ modelId: "amazon.nova-lite-v1:0", messages })),
  ),
);
if (process.argv[3] !== "keep-client") client.destroy();
await emulator.close();
process.stdout.write("closed\n");
