import { createDecipheriv } from "node:crypto";
import { MasterKeyMismatchError } from "./errors/master-key-mismatch-error.js";
import { SealedSecretError } from "./errors/sealed-secret-error.js";
import type { MasterKey } from "./master-key.js";
import {
  HEADER_BYTES,
  KEY_ID_BYTES,
  NONCE_BYTES,
  SEAL_PURPOSE,
  SEALED_SECRET_VERSION,
  type SealBinding,
  sealAad,
  TAG_BYTES,
} from "./sealed-secret-format.js";

/**
 * Opens an envelope made by `sealSecret`. Throws `MasterKeyMismatchError` (`MASTER_KEY_MISMATCH`) when it was
 * sealed under another master key, and `SealedSecretError` (`SEALED_SECRET_TAMPERED` /
 * `SEALED_SECRET_UNSUPPORTED`) when it was altered, truncated, or moved to another tenant or record. It never
 * returns garbage: AES-GCM authenticates every byte.
 *
 * @example
 * ```ts
 * import { MasterKey, openSealedSecret, sealSecret } from "@bedrock-keys/credentials";
 * const masterKey = MasterKey.generate();
 * const binding = { tenantId: "acme", fingerprint: "3f2a9c1d" };
 * openSealedSecret(masterKey, sealSecret(masterKey, "ABSK...", binding), binding); // "ABSK..."
 * ```
 */
export function openSealedSecret(masterKey: MasterKey, sealed: Uint8Array, binding: SealBinding): string {
  const envelope = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (envelope.byteLength < HEADER_BYTES + TAG_BYTES || envelope[0] !== SEALED_SECRET_VERSION) {
    throw new SealedSecretError("SEALED_SECRET_UNSUPPORTED", binding);
  }
  const keyId = envelope.subarray(1, 1 + KEY_ID_BYTES).toString("hex");
  if (keyId !== masterKey.keyId) {
    throw new MasterKeyMismatchError({ expectedKeyId: keyId, actualKeyId: masterKey.keyId });
  }
  const nonce = envelope.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + NONCE_BYTES);
  const ciphertext = envelope.subarray(HEADER_BYTES, envelope.byteLength - TAG_BYTES);
  const tag = envelope.subarray(envelope.byteLength - TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", masterKey.deriveKey(SEAL_PURPOSE), nonce);
    decipher.setAAD(sealAad(binding));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new SealedSecretError("SEALED_SECRET_TAMPERED", binding, { cause: error });
  }
}
