import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The cookie that carries the CSRF token (HttpOnly, SameSite=Strict).
 *
 * @example
 * ```ts
 * readCookie(request.headers.cookie, CSRF_COOKIE);
 * ```
 */
export const CSRF_COOKIE = "onboarding_csrf";
/**
 * The request header the page echoes the token in.
 *
 * @example
 * ```ts
 * request.headers[CSRF_HEADER];
 * ```
 */
export const CSRF_HEADER = "x-csrf-token";

/**
 * Server-issued CSRF tokens, checked as a signed double submit: the page gets the token in a `<meta>` tag and a
 * `SameSite=Strict; HttpOnly` cookie, and must send it back in the `X-CSRF-Token` header. A token is valid only
 * when header and cookie match and its HMAC was made by this server, so a cookie planted from a sibling domain
 * does not help an attacker. The custom header also forces a CORS preflight, which this server never grants.
 *
 * @example
 * ```ts
 * const csrf = createCsrfTokens();
 * const token = csrf.issue();
 * csrf.verify(cookieToken, headerToken); // true only for a matching, signed pair
 * ```
 */
export function createCsrfTokens(secret: Uint8Array = randomBytes(32)): {
  issue(): string;
  verify(cookieToken: string | undefined, headerToken: string | undefined): boolean;
} {
  const sign = (nonce: string): string => createHmac("sha256", secret).update(nonce).digest("base64url");
  return {
    issue() {
      const nonce = randomBytes(24).toString("base64url");
      return `${nonce}.${sign(nonce)}`;
    },
    verify(cookieToken, headerToken) {
      if (cookieToken === undefined || headerToken === undefined) return false;
      if (!safeEqual(cookieToken, headerToken)) return false;
      const [nonce, signature, ...rest] = headerToken.split(".");
      if (nonce === undefined || signature === undefined || rest.length > 0 || nonce === "") return false;
      return safeEqual(sign(nonce), signature);
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Reads one cookie from a `Cookie` header.
 *
 * @example
 * ```ts
 * readCookie("a=1; onboarding_csrf=xyz", CSRF_COOKIE); // "xyz"
 * ```
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
