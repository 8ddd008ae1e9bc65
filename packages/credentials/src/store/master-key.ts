import { createHash, hkdfSync, randomBytes } from "node:crypto";
import { inspect } from "node:util";

const KEY_LENGTH = 32;

/**
 * The 32-byte master key that seals every secret in a key store. The bytes live in a `#private` field;
 * `toString`, `toJSON` and `util.inspect` show only `keyId`, a short public identifier derived one-way from the
 * key, so a wrong master key can be told apart from a tampered record.
 *
 * @example
 * ```ts
 * import { MasterKey } from "@bedrock-keys/credentials";
 * const masterKey = MasterKey.generate();
 * String(masterKey); // "MasterKey(1a2b3c4d5e6f7a8b)"
 * ```
 */
export class MasterKey {
  /** A public, one-way identifier of the key (16 hex), stored beside sealed secrets. */
  readonly keyId: string;
  readonly #bytes: Buffer;

  private constructor(bytes: Uint8Array) {
    this.#bytes = Buffer.from(bytes);
    this.keyId = createHash("sha256")
      .update("bedrock-keys/master-key-id/v1\0")
      .update(this.#bytes)
      .digest("hex")
      .slice(0, 16);
  }

  /**
   * Wraps 32 raw bytes.
   *
   * @example
   * ```ts
   * const masterKey = MasterKey.fromBytes(crypto.getRandomValues(new Uint8Array(32)));
   * ```
   */
  static fromBytes(bytes: Uint8Array): MasterKey {
    if (bytes.byteLength !== KEY_LENGTH) {
      throw new RangeError(`A master key must be exactly ${KEY_LENGTH} bytes, got ${bytes.byteLength}.`);
    }
    return new MasterKey(bytes);
  }

  /**
   * A fresh random master key (for tests and the in-memory store).
   *
   * @example
   * ```ts
   * const masterKey = MasterKey.generate();
   * ```
   */
  static generate(): MasterKey {
    return new MasterKey(randomBytes(KEY_LENGTH));
  }

  /**
   * Derives a purpose-bound subkey (HKDF-SHA256), so the raw master key never encrypts anything directly.
   * @internal Used by `sealSecret` / `openSealedSecret`; treat the result as secret.
   *
   * @example
   * ```ts
   * const aesKey = MasterKey.generate().deriveKey("bedrock-keys/seal/v1");
   * ```
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.#bytes, Buffer.alloc(0), purpose, KEY_LENGTH));
  }

  toString(): string {
    return `MasterKey(${this.keyId})`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
