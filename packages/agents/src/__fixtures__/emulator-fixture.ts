import { type Emulator, type EmulatorOptions, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";

export const modelId = "amazon.nova-lite-v1:0";

/** An in-process emulator plus a factory of ChatBedrockKey models pointed at it (our limiter does the retrying). */
export async function emulatorFixture(options: EmulatorOptions = {}) {
  const emulator: Emulator = await startEmulator({ port: 0, ...options });
  const model = (fields: { model?: string; maxTokens?: number } = {}) =>
    new ChatBedrockKey({
      model: fields.model ?? modelId,
      endpoint: emulator.url,
      region: emulator.region,
      maxRetries: 0,
      maxTokens: fields.maxTokens ?? 256,
      env: {},
    });
  return { emulator, model, close: () => emulator.close() };
}
