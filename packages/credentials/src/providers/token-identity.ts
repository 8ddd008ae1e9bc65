import type { TokenIdentity } from "@smithy/types";
import type { BedrockApiKey } from "../key/bedrock-api-key.js";

/** The SDK identity for a key: the secret as `token`, and its expiry, if known, as `expiration`. @internal */
export function tokenIdentity(key: BedrockApiKey): TokenIdentity {
  const token = key.reveal();
  return key.expiresAt !== undefined ? { token, expiration: key.expiresAt } : { token };
}
