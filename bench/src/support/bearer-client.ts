import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

/**
 * The anchor client: the AWS SDK's own `BedrockRuntimeClient` configured for bearer auth by hand, the way the
 * AWS docs show it, with the SDK's default (HTTP/2) handler and default retries.
 */
export function rawBearerClient(options: {
  endpoint: string;
  region: string;
  key: string;
}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: options.region,
    endpoint: options.endpoint,
    token: { token: options.key },
    authSchemePreference: ["httpBearerAuth"],
  });
}
