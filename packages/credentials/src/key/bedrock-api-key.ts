import { fingerprintKey } from "./fingerprint.js";
import { redactKey } from "./redact-key.js";

const brand = Symbol.for("@bedrock-keys/credentials.BedrockApiKey");
const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

/** The two kinds of Bedrock API key. */
export type BedrockApiKeyKind = "long-term" | "short-term";

/** What is known about a key besides its secret. @internal — built by `parseBedrockApiKey`. */
export interface BedrockApiKeyFacts {
  kind: BedrockApiKeyKind;
  region?: string;
  issuedAt?: Date;
  expiresAt?: Date;
  accountId?: string;
  userName?: string;
}

/**
 * A Bedrock API key whose secret cannot leak by accident. Get one from {@link parseBedrockApiKey} or
 * {@link mintShortTermKey}. The secret lives in a `#private` field: `toString()`, `toJSON()`, `util.inspect`,
 * `console.log`, spreading, `Object.keys` and `structuredClone` all show only the redacted form or public facts.
 * `reveal()` is the one way to read it, meant for the place that builds the `Authorization` header.
 *
 * @example
 * ```ts
 * const key = parseBedrockApiKey(process.argv[2] ?? "");
 * console.log(`${key}`, key.kind, key.region); // "bedrock-api-key-…(abcd1234) short-term us-west-2"
 * ```
 */
export class BedrockApiKey {
  /** `"long-term"` (`ABSK…`) or `"short-term"` (`bedrock-api-key-…`). */
  readonly kind: BedrockApiKeyKind;
  /** First 8 hex characters of the SHA-256 of the whole key: safe to log and compare. */
  readonly fingerprint: string;
  /** The only region a short-term key works in. Long-term keys carry no region. */
  declare readonly region?: string;
  /** When a short-term key was signed. */
  declare readonly issuedAt?: Date;
  /** When a short-term key stops working (signing time + expiry, clamped to the credentials' expiry). */
  declare readonly expiresAt?: Date;
  /** The AWS account of a console-made long-term key. */
  declare readonly accountId?: string;
  /** The IAM service user name a long-term key decodes to. */
  declare readonly userName?: string;

  readonly #secret: string;

  /** @internal Use {@link parseBedrockApiKey} or {@link mintShortTermKey}; this does not validate. */
  constructor(secret: string, facts: BedrockApiKeyFacts) {
    this.#secret = secret;
    this.kind = facts.kind;
    this.fingerprint = fingerprintKey(secret);
    if (facts.region !== undefined) this.region = facts.region;
    if (facts.issuedAt !== undefined) this.issuedAt = new Date(facts.issuedAt.getTime());
    if (facts.expiresAt !== undefined) this.expiresAt = new Date(facts.expiresAt.getTime());
    if (facts.accountId !== undefined) this.accountId = facts.accountId;
    if (facts.userName !== undefined) this.userName = facts.userName;
    Object.defineProperty(this, brand, { value: true });
  }

  /**
   * Whether the key has expired at `now`. Long-term keys carry no expiry and are never expired here (Bedrock
   * still refuses an expired or revoked one).
   *
   * @example
   * ```ts
   * if (key.isExpired()) key = await mintShortTermKey({ credentials, region });
   * ```
   */
  isExpired(now: Date = new Date()): boolean {
    return this.expiresAt !== undefined && this.expiresAt.getTime() <= now.getTime();
  }

  /**
   * Whole seconds left before expiry (0 once expired), or `undefined` for a key without a known expiry.
   *
   * @example
   * ```ts
   * key.secondsRemaining(); // => 43199
   * ```
   */
  secondsRemaining(now: Date = new Date()): number | undefined {
    if (this.expiresAt === undefined) return undefined;
    return Math.max(0, Math.floor((this.expiresAt.getTime() - now.getTime()) / 1000));
  }

  /**
   * The secret key itself. Call it only where the `Authorization: Bearer` header is built.
   *
   * @example
   * ```ts
   * const headers = { authorization: `Bearer ${key.reveal()}` };
   * ```
   */
  reveal(): string {
    return this.#secret;
  }

  /**
   * The redacted form, e.g. `ABSK…(3f2a9c1d)`.
   *
   * @example
   * ```ts
   * String(key); // => "ABSK…(3f2a9c1d)"
   * ```
   */
  toString(): string {
    return redactKey(this.#secret);
  }

  /**
   * The redacted form, so `JSON.stringify` never serialises the secret.
   *
   * @example
   * ```ts
   * JSON.stringify({ key }); // => '{"key":"ABSK…(3f2a9c1d)"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }

  /** What `util.inspect` and `console.log` print: the redacted form. */
  [inspectCustom](): string {
    return this.toString();
  }

  /**
   * Whether `value` is a `BedrockApiKey`, even from another copy of this package.
   *
   * @example
   * ```ts
   * const key = BedrockApiKey.isInstance(input) ? input : parseBedrockApiKey(input);
   * ```
   */
  static isInstance(value: unknown): value is BedrockApiKey {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
