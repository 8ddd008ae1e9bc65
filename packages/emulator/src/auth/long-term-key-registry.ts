import { randomBytes } from "node:crypto";
import { EmulatorOptionsError } from "../errors/emulator-options-error.js";
import { UnknownKeyError } from "../errors/unknown-key-error.js";
import { keyFingerprint } from "./fingerprint.js";
import type { Principal } from "./principal.js";

/** Options of `emulator.keys.issueLongTermKey`. */
export interface IssueLongTermKeyOptions {
  /** IAM user the key belongs to; default `BedrockAPIKey-<4 chars>` like console-made keys. */
  userName?: string | undefined;
  /** 12-digit account id; default `123456789012`. */
  accountId?: string | undefined;
  /** When the key stops working (IAM `CredentialAgeDays`); default never. */
  expiresAt?: Date | undefined;
  /** Model ids, profile ids or `prefix*` patterns the user's policy allows; default all. */
  allowedModels?: string[] | undefined;
  /** An SCP denies `bedrock:CallWithBearerToken` for the user. */
  deniedByPolicy?: boolean | undefined;
  /** No identity policy grants `bedrock:CallWithBearerToken`. */
  missingPermission?: boolean | undefined;
  /**
   * The secret part of the key (after `<user>-at-<account>:`), e.g. a distinctive canary for leak tests; default
   * 60 random base64 characters like a console-made key.
   */
  secret?: string | undefined;
}

/** Status of a long-term key, as IAM reports service-specific credentials. */
export type LongTermKeyStatus = "Active" | "Inactive" | "Expired";

interface LongTermKeyRecord {
  principal: Principal;
  status: "Active" | "Inactive";
  revoked: boolean;
  expiresAtMs: number | undefined;
}

/** Result of looking a long-term key up: a principal, or the reason it is refused. */
export type LongTermLookup = { principal: Principal } | { refused: "authentication-failed" };

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * The emulator's IAM service-specific credentials for Bedrock: issues real-format `ABSK…` keys and answers
 * lookups. Keys are compared as whole strings; the registry is the only place that holds them.
 *
 * @example
 * ```ts
 * const registry = new LongTermKeyRegistry();
 * const key = registry.issue({ userName: "alice" });
 * registry.lookup(key, Date.now()); // => { principal: { kind: "long-term", ... } }
 * ```
 */
export class LongTermKeyRegistry {
  readonly #records = new Map<string, LongTermKeyRecord>();

  issue(options: IssueLongTermKeyOptions = {}): string {
    const userName = options.userName ?? `BedrockAPIKey-${randomChars(4)}`;
    const accountId = options.accountId ?? "123456789012";
    const secret = options.secret ?? randomBytes(45).toString("base64");
    if (!/^[\x21-\x7e]{8,256}$/.test(secret)) {
      throw new EmulatorOptionsError(
        "issueLongTermKey: secret must be 8 to 256 printable ASCII characters.",
        ["secret"],
      );
    }
    const key = `ABSK${Buffer.from(`${userName}-at-${accountId}:${secret}`, "utf8").toString("base64")}`;
    const principal: Principal = {
      kind: "long-term",
      fingerprint: keyFingerprint(key),
      principalArn: `arn:aws:iam::${accountId}:user/${userName}`,
      deniedByPolicy: options.deniedByPolicy ?? false,
      missingPermission: options.missingPermission ?? false,
      ...(options.allowedModels === undefined ? {} : { allowedModels: [...options.allowedModels] }),
    };
    this.#records.set(key, {
      principal,
      status: "Active",
      revoked: false,
      expiresAtMs: options.expiresAt?.getTime(),
    });
    return key;
  }

  revoke(key: string): void {
    this.#require(key).revoked = true;
  }

  setStatus(key: string, status: "Active" | "Inactive"): void {
    this.#require(key).status = status;
  }

  status(key: string, nowMs: number): LongTermKeyStatus | "Revoked" {
    const record = this.#require(key);
    if (record.revoked) return "Revoked";
    if (record.expiresAtMs !== undefined && nowMs >= record.expiresAtMs) return "Expired";
    return record.status;
  }

  lookup(key: string, nowMs: number): LongTermLookup {
    const record = this.#records.get(key);
    if (record === undefined || record.revoked || record.status !== "Active") {
      return { refused: "authentication-failed" };
    }
    if (record.expiresAtMs !== undefined && nowMs >= record.expiresAtMs)
      return { refused: "authentication-failed" };
    return { principal: record.principal };
  }

  #require(key: string): LongTermKeyRecord {
    const record = this.#records.get(key);
    if (record === undefined) throw new UnknownKeyError(keyFingerprint(key));
    return record;
  }
}

function randomChars(count: number): string {
  const bytes = randomBytes(count);
  let result = "";
  for (const byte of bytes) result += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return result;
}
