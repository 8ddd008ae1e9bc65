/**
 * The versioned envelope every sealed secret uses:
 * `[version u8 = 1][master key id 8 bytes][nonce 12 bytes][AES-256-GCM ciphertext][tag 16 bytes]`.
 * The master key id lets `openSealedSecret` report a wrong master key as such instead of as tampering.
 */
export const SEALED_SECRET_VERSION = 1;
export const KEY_ID_BYTES = 8;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const HEADER_BYTES = 1 + KEY_ID_BYTES + NONCE_BYTES;
export const SEAL_PURPOSE = "bedrock-keys/seal/v1";

/** What a sealed secret is bound to: opening it under any other tenant or fingerprint fails. */
export interface SealBinding {
  tenantId: string;
  fingerprint: string;
}

/** The additional authenticated data for a binding; NUL-separated so no two bindings collide. */
export function sealAad(binding: SealBinding): Buffer {
  return Buffer.from(
    `bedrock-keys/v${SEALED_SECRET_VERSION}\0${binding.tenantId}\0${binding.fingerprint}`,
    "utf8",
  );
}
