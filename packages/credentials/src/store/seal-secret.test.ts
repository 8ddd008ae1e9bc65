import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { MasterKeyMismatchError } from "./errors/master-key-mismatch-error.js";
import { SealedSecretError } from "./errors/sealed-secret-error.js";
import { MasterKey } from "./master-key.js";
import { openSealedSecret } from "./open-sealed-secret.js";
import { sealSecret } from "./seal-secret.js";

const secret = "ABSKcanary-secret-value-0123456789abcdef";
const binding = { tenantId: "acme", fingerprint: "3f2a9c1d" };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(inspect(error)).not.toContain("canary-s");
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe("sealSecret / openSealedSecret", () => {
  const masterKey = MasterKey.generate();

  it("round-trips and uses a fresh nonce for every seal", () => {
    const first = sealSecret(masterKey, secret, binding);
    const second = sealSecret(masterKey, secret, binding);
    expect(openSealedSecret(masterKey, first, binding)).toBe(secret);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
    expect(Buffer.from(first).toString("latin1")).not.toContain("canary");
    expect(first[0]).toBe(1); // the envelope version
  });

  it("fails to open under another tenant or fingerprint", () => {
    const sealed = sealSecret(masterKey, secret, binding);
    expect(codeOf(() => openSealedSecret(masterKey, sealed, { ...binding, tenantId: "globex" }))).toBe(
      "SEALED_SECRET_TAMPERED",
    );
    expect(codeOf(() => openSealedSecret(masterKey, sealed, { ...binding, fingerprint: "00000000" }))).toBe(
      "SEALED_SECRET_TAMPERED",
    );
  });

  it("detects a change to any byte of the nonce, ciphertext or tag", () => {
    const sealed = sealSecret(masterKey, secret, binding);
    for (let index = 9; index < sealed.byteLength; index++) {
      const tampered = Uint8Array.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      const error = (() => {
        try {
          openSealedSecret(masterKey, tampered, binding);
        } catch (caught) {
          return caught;
        }
      })();
      expect(SealedSecretError.isInstance(error) && error.code === "SEALED_SECRET_TAMPERED").toBe(true);
    }
  });

  it("reports a wrong master key as MASTER_KEY_MISMATCH, never garbage", () => {
    const sealed = sealSecret(masterKey, secret, binding);
    const other = MasterKey.generate();
    let caught: unknown;
    try {
      openSealedSecret(other, sealed, binding);
    } catch (error) {
      caught = error;
    }
    expect(MasterKeyMismatchError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: "MASTER_KEY_MISMATCH", expectedKeyId: masterKey.keyId });
  });

  it("refuses truncated envelopes and unknown versions", () => {
    const sealed = sealSecret(masterKey, secret, binding);
    expect(codeOf(() => openSealedSecret(masterKey, sealed.subarray(0, 20), binding))).toBe(
      "SEALED_SECRET_UNSUPPORTED",
    );
    const future = Uint8Array.from(sealed);
    future[0] = 2;
    expect(codeOf(() => openSealedSecret(masterKey, future, binding))).toBe("SEALED_SECRET_UNSUPPORTED");
  });
});

describe("MasterKey", () => {
  it("never prints its bytes", () => {
    const bytes = Buffer.alloc(32, 0xab);
    const masterKey = MasterKey.fromBytes(bytes);
    const shown = [
      String(masterKey),
      JSON.stringify({ masterKey }),
      inspect(masterKey),
      Object.keys(masterKey),
    ].join();
    expect(shown).not.toContain(bytes.toString("base64").slice(0, 8));
    expect(shown).not.toContain("abababab");
    expect(shown).toContain(masterKey.keyId);
  });

  it("refuses anything but 32 bytes", () => {
    expect(() => MasterKey.fromBytes(new Uint8Array(16))).toThrow(RangeError);
  });
});
