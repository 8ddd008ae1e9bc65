import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import { AUTH_MESSAGES, callWithBearerTokenDenied } from "./auth-messages.js";
import { keyFingerprint } from "./fingerprint.js";
import type { IamCredentialRegistry } from "./iam-credential-registry.js";
import type { LongTermKeyRegistry } from "./long-term-key-registry.js";
import type { Principal } from "./principal.js";
import {
  type ShortTermRefusal,
  type VerifiedShortTermKey,
  verifyShortTermKey,
} from "./verify-short-term-key.js";

/** What authentication found out about a request, for the response and the audit. */
export interface AuthOutcome {
  principal?: Principal;
  fingerprint?: string;
  keyKind?: "long-term" | "short-term";
  error?: BedrockWireError;
}

interface CachedShortTerm {
  generation: number;
  fingerprint: string;
  result: VerifiedShortTermKey | ShortTermRefusal;
  principal?: Principal;
}

const CACHE_LIMIT = 10_000;
/** How far in the future `X-Amz-Date` may be (clock skew AWS tolerates). */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/**
 * Checks `Authorization: Bearer <key>` the way Bedrock does: the key's prefix decides its kind; long-term keys
 * are looked up (status, expiry, revocation), short-term keys verified by signature, clock and region. Results of
 * the signature check are cached per key, so the hot path is a map lookup.
 *
 * @example
 * ```ts
 * const outcome = authenticator.authenticate(request.headers.authorization, Date.now());
 * if (outcome.error) send(outcome.error);
 * ```
 */
export class Authenticator {
  readonly #longTerm: LongTermKeyRegistry;
  readonly #iam: IamCredentialRegistry;
  readonly #region: string;
  readonly #shortTermCache = new Map<string, CachedShortTerm>();

  constructor(options: { longTerm: LongTermKeyRegistry; iam: IamCredentialRegistry; region: string }) {
    this.#longTerm = options.longTerm;
    this.#iam = options.iam;
    this.#region = options.region;
  }

  authenticate(authorization: string | undefined, nowMs: number): AuthOutcome {
    if (authorization === undefined || authorization === "") {
      return {
        error: new BedrockWireError("MissingAuthenticationTokenException", AUTH_MESSAGES.missingToken),
      };
    }
    if (!/^bearer /i.test(authorization)) {
      return { error: new BedrockWireError("UnrecognizedClientException", AUTH_MESSAGES.sigv4Unsupported) };
    }
    const token = authorization.slice(7).trim();
    if (token.startsWith("ABSK")) return this.#longTermOutcome(token, nowMs);
    if (token.startsWith("bedrock-api-key-")) return this.#shortTermOutcome(token, nowMs);
    return {
      fingerprint: keyFingerprint(token),
      error: new BedrockWireError("AccessDeniedException", AUTH_MESSAGES.invalidFormat),
    };
  }

  #longTermOutcome(token: string, nowMs: number): AuthOutcome {
    const lookup = this.#longTerm.lookup(token, nowMs);
    if ("refused" in lookup) {
      return { fingerprint: keyFingerprint(token), keyKind: "long-term", error: authenticationFailed() };
    }
    return withPolicy(lookup.principal);
  }

  #shortTermOutcome(token: string, nowMs: number): AuthOutcome {
    const generation = this.#iam.generation;
    let cached = this.#shortTermCache.get(token);
    if (cached === undefined || cached.generation !== generation) {
      if (this.#shortTermCache.size >= CACHE_LIMIT) this.#shortTermCache.clear();
      const result = verifyShortTermKey(token, (accessKeyId) => this.#iam.get(accessKeyId));
      const fingerprint = keyFingerprint(token);
      cached = { generation, fingerprint, result };
      if (result.ok) {
        const { credentials } = result;
        cached.principal = {
          kind: "short-term",
          fingerprint,
          principalArn: `arn:aws:iam::${credentials.accountId ?? "123456789012"}:user/${credentials.userName ?? "bedrock-user"}`,
          deniedByPolicy: credentials.deniedByPolicy ?? false,
          missingPermission: credentials.missingPermission ?? false,
          ...(credentials.allowedModels === undefined ? {} : { allowedModels: credentials.allowedModels }),
        };
      }
      this.#shortTermCache.set(token, cached);
    }
    const { result, fingerprint, principal } = cached;
    const refused: AuthOutcome = { fingerprint, keyKind: "short-term", error: authenticationFailed() };
    if (!result.ok || principal === undefined) return refused;
    if (result.region !== this.#region) return refused;
    if (nowMs >= result.notAfterMs || result.signedAtMs > nowMs + MAX_CLOCK_SKEW_MS) return refused;
    return withPolicy(principal);
  }
}

function withPolicy(principal: Principal): AuthOutcome {
  const outcome: AuthOutcome = { principal, fingerprint: principal.fingerprint, keyKind: principal.kind };
  if (principal.deniedByPolicy) {
    outcome.error = new BedrockWireError(
      "AccessDeniedException",
      callWithBearerTokenDenied(principal.principalArn, "scp"),
    );
  } else if (principal.missingPermission) {
    outcome.error = new BedrockWireError(
      "AccessDeniedException",
      callWithBearerTokenDenied(principal.principalArn, "no-policy"),
    );
  }
  return outcome;
}

function authenticationFailed(): BedrockWireError {
  return new BedrockWireError("AccessDeniedException", AUTH_MESSAGES.authenticationFailed);
}
