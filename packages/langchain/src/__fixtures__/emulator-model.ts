import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import type { UsageMetadata } from "@langchain/core/messages";
import { ChatBedrockKey } from "../chat-bedrock-key.js";
import type { ChatBedrockKeyFields } from "../chat-bedrock-key-options.js";

export const HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";
export const SONNET = "us.anthropic.claude-sonnet-4-20250514-v1:0";
/** Claude 3 Haiku takes images (3.5 Haiku does not). */
export const HAIKU_3 = "anthropic.claude-3-haiku-20240307-v1:0";
export const NOVA = "amazon.nova-lite-v1:0";
export const LLAMA = "meta.llama3-1-8b-instruct-v1:0";

/** An emulator on port 0 plus a key; `model()` builds a ChatBedrockKey pointed at it with an empty env. */
export async function startTestEmulator(): Promise<{
  emulator: Emulator;
  key: string;
  model: (fields?: Partial<ChatBedrockKeyFields>) => ChatBedrockKey;
  close: () => Promise<void>;
}> {
  const emulator = await startEmulator();
  const key = emulator.keys.issueLongTermKey({ userName: "langchain-tests" });
  const models: ChatBedrockKey[] = [];
  return {
    emulator,
    key,
    model: (fields = {}) => {
      const model = new ChatBedrockKey({
        model: HAIKU,
        apiKey: key,
        region: emulator.region,
        endpoint: emulator.url,
        env: {},
        retryBackoff: { baseDelayMs: 1, throttlingBaseDelayMs: 2, maxDelayMs: 5 },
        ...fields,
      });
      models.push(model);
      return model;
    },
    close: async () => {
      for (const model of models) model.close();
      await emulator.close();
    },
  };
}

/** `usage_metadata` of a message (typed loosely: core's inferred property type resolves to never under strict options). */
export function usageOf(message: unknown): UsageMetadata | undefined {
  return (message as { usage_metadata?: UsageMetadata } | undefined)?.usage_metadata;
}
