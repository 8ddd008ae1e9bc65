import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { Emulator } from "../emulator.js";

/** A real SDK client (default HTTP/2 handler) that authenticates with a bearer key against the emulator. */
export function bearerClient(emulator: Emulator, token: string, options: { maxAttempts?: number } = {}) {
  return new BedrockRuntimeClient({
    region: emulator.region,
    endpoint: emulator.url,
    token: { token },
    authSchemePreference: ["httpBearerAuth"],
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
}

export const HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";
export const NOVA = "amazon.nova-lite-v1:0";
