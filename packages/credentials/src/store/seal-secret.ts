import { createCipheriv, randomBytes } from "node:crypto";
import type { MasterKey } from "./master-key.js";
import {
  NONCE_BYTES,
  SEAL_PURPOSE,
  SEALED_SECRET_VERSION,
  type SealBinding,
  sealAad,
} from "./sealed-secret-format.js";

/**
 * Seals a secret with AES-256-GCM under a key derived from the master key, a fresh random 12-byte nonce, and
 * the tenant id + fingerprint as additional authenticated data, so the envelope cannot be moved to another
 * tenant or record. Returns the versioned envelope described in `sealed-secret-format.ts`.
 *
 * @example
 * ```ts
 * import { MasterKey, sealSecret } from "@bedrock-keys/credentials";
 * const sealed = sealSecret(MasterKey.generate(), "ABSK...", { tenantId: "acme", fingerprint: "3f2a9c1d" });
 * ```
 */
export function sealSecret(masterKey: MasterKey, secret: string, binding: SealBinding): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", masterKey.deriveKey(SEAL_PURPOSE), nonce);
  cipher.setAAD(sealAad(binding));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([
    Buffer.from([SEALED_SECRET_VERSION]),
    Buffer.from(masterKey.keyId, "hex"),
    nonce,
    ciphertext,
    cipher.getAuthTag(),
  ]);
}
