import { startEmulator } from "@bedrock-keys/emulator";
import { it } from "vitest";
import { ChatBedrockKey } from "../chat-bedrock-key.js";
it("probe", async () => {
  const emulator = await startEmulator();
  const keys = Array.from({ length: 100 }, (_, i) => emulator.keys.issueLongTermKey({ userName: `t${i}` }));
  const model = new ChatBedrockKey({ model: "amazon.nova-lite-v1:0", region: "us-east-1", endpoint: emulator.url, maxClients: 128, maxTokens: 32, maxRetries: 0, env: {} });
  for (const [n, per] of [[1, 20], [10, 20], [100, 1], [100, 5], [100,20]] as const) {
    const t = Date.now();
    await Promise.all(keys.slice(0, n).flatMap((k) => Array.from({ length: per }, () => model.invoke("hi", { configurable: { apiKey: k } }))));
    console.log(n, per, Date.now() - t);
  }
  const audit = emulator.audit();
  console.log(Math.max(...audit.map(e => e.endedAt - e.startedAt)));
  await emulator.close();
});
