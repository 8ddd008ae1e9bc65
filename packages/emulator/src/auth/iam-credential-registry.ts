import { randomBytes } from "node:crypto";

/** IAM credentials the emulator trusts for short-term keys (`emulator.keys.addIamCredentials`). */
export interface IamCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary (STS) credentials; the key must then carry the same `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** Keys minted from these credentials stop working here, whatever their `X-Amz-Expires`. */
  expiration?: Date;
  /** IAM user name for messages; default `bedrock-user`. */
  userName?: string;
  /** 12-digit account id; default `123456789012`. */
  accountId?: string;
  /** An SCP denies `bedrock:CallWithBearerToken` for this principal. */
  deniedByPolicy?: boolean;
  /** No identity policy grants `bedrock:CallWithBearerToken`. */
  missingPermission?: boolean;
  /** Model ids or `prefix*` patterns allowed; default all. */
  allowedModels?: string[];
}

/**
 * The IAM credentials short-term keys are verified against, by access key id. Changing them bumps `generation`
 * so cached verification results are dropped.
 *
 * @example
 * ```ts
 * const registry = new IamCredentialRegistry();
 * registry.add({ accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret" });
 * ```
 */
export class IamCredentialRegistry {
  readonly #byAccessKeyId = new Map<string, IamCredentials>();
  #generation = 0;

  /** Monotonic counter, changed by every `add`. */
  get generation(): number {
    return this.#generation;
  }

  add(credentials: IamCredentials): void {
    this.#byAccessKeyId.set(credentials.accessKeyId, { ...credentials });
    this.#generation += 1;
  }

  get(accessKeyId: string): IamCredentials | undefined {
    return this.#byAccessKeyId.get(accessKeyId);
  }
}

/**
 * Random, realistic-looking IAM user credentials (`AKIA…` + 40-character secret) for tests.
 *
 * @example
 * ```ts
 * const { accessKeyId, secretAccessKey } = generateTestCredentials();
 * ```
 */
export function generateTestCredentials(): { accessKeyId: string; secretAccessKey: string } {
  const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let accessKeyId = "AKIA";
  for (const byte of randomBytes(16)) accessKeyId += upper[byte % upper.length];
  const secretAccessKey = randomBytes(30)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "A")
    .padEnd(40, "x");
  return { accessKeyId, secretAccessKey };
}
