import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createAttemptLimiter } from "./attempt-limiter.js";
import { CSRF_COOKIE, CSRF_HEADER, createCsrfTokens, readCookie } from "./csrf-tokens.js";
import { toErrorView } from "./error-view.js";
import { HttpError } from "./http-error.js";
import { type OnboardRequest, parseOnboardRequest } from "./onboard-request.js";
import { readJsonBody } from "./read-json-body.js";
import type { ReportView } from "./report-view.js";
import { setSecurityHeaders } from "./security-headers.js";
import { loadStaticAssets, type StaticAssets } from "./static-assets.js";

/**
 * One access-log line: no body, no query string, no headers.
 *
 * @example
 * ```ts
 * const entry: AccessLogEntry = { method: "POST", path: "/api/onboard", status: 200, fingerprint: "3f2a9c1d", ms: 412 };
 * ```
 */
export interface AccessLogEntry {
  method: string;
  path: string;
  status: number;
  code?: string;
  /** For a 500: the class name of the unexpected error (never its message, which is not ours to trust). */
  errorName?: string;
  fingerprint?: string;
  ms: number;
}

/**
 * Options of {@link createOnboardingServer}.
 *
 * @example
 * ```ts
 * const options: OnboardingServerOptions = { onboard: createOnboardHandler({ store }), maxBodyBytes: 16 * 1024 };
 * ```
 */
export interface OnboardingServerOptions {
  /** Diagnoses, verifies and stores a pasted key; throws the typed errors of `@bedrock-keys/credentials`. */
  onboard: (request: OnboardRequest) => Promise<ReportView>;
  /** Receives one entry per request; default: a JSON line on stderr. */
  log?: (entry: AccessLogEntry) => void;
  /** Largest accepted request body; default 16 KiB. */
  maxBodyBytes?: number;
  /** The page's HTML, script and style; default: the files in `public/`. */
  assets?: StaticAssets;
  /** Onboarding attempts allowed per client address per minute; default 20. */
  maxAttemptsPerMinute?: number;
  /** Clock for the attempt limit, in ms; default `Date.now`. */
  now?: () => number;
}

/**
 * The onboarding page's HTTP server (plain `node:http`, no framework): `GET /` serves the page with a fresh CSRF
 * token, `POST /api/onboard` takes `{ tenantId, key }` as JSON and answers with the report or the diagnosis.
 * The key travels only in that POST body; it is never logged, never echoed, and the response shows only its
 * redacted form.
 *
 * @example
 * ```ts
 * const server = createOnboardingServer({ onboard: async ({ tenantId, key }) => toReportView(await onboardKey({ tenantId, pasted: key, store })) });
 * server.listen(3000);
 * ```
 */
export function createOnboardingServer(options: OnboardingServerOptions): Server {
  const csrf = createCsrfTokens();
  const assets = options.assets ?? loadStaticAssets();
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const attempts = createAttemptLimiter({
    maxPerMinute: options.maxAttemptsPerMinute ?? 20,
    ...(options.now !== undefined && { now: options.now }),
  });
  const log = options.log ?? ((entry: AccessLogEntry) => process.stderr.write(`${JSON.stringify(entry)}\n`));

  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<Partial<AccessLogEntry>> {
    setSecurityHeaders(response);
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/api/onboard") {
      if (request.method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED", "Use POST.");
      // The key belongs in the body only; refuse anything that put data in the URL.
      if (url.search !== "")
        throw new HttpError(400, "QUERY_NOT_ALLOWED", "Send the key in the request body only.");
      checkSameOrigin(request);
      if (!csrf.verify(readCookie(request.headers.cookie, CSRF_COOKIE), headerValue(request, CSRF_HEADER))) {
        throw new HttpError(
          403,
          "CSRF",
          "The form expired or did not come from this page. Reload the page and try again.",
        );
      }
      const attempt = attempts.take(request.socket.remoteAddress ?? "unknown");
      if (!attempt.allowed) {
        response.setHeader("Retry-After", String(attempt.retryAfterSeconds));
        throw new HttpError(
          429,
          "TOO_MANY_ATTEMPTS",
          "Too many attempts from this address; wait a minute and try again.",
        );
      }
      const body = parseOnboardRequest(await readJsonBody(request, maxBodyBytes));
      const report = await options.onboard(body);
      sendJson(response, 200, { ok: true, report });
      return { fingerprint: report.fingerprint };
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", "Only GET is allowed here.");
    }
    if (url.pathname === "/") {
      // Keep a still-valid token, so two open tabs of the page both work.
      const existing = readCookie(request.headers.cookie, CSRF_COOKIE);
      const token = existing !== undefined && csrf.verify(existing, existing) ? existing : csrf.issue();
      response.setHeader("Set-Cookie", `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
      send(response, 200, "text/html; charset=utf-8", assets.html.replace("{{CSRF_TOKEN}}", token));
      return {};
    }
    if (url.pathname === "/app.js") {
      send(response, 200, "text/javascript; charset=utf-8", assets.script);
      return {};
    }
    if (url.pathname === "/app.css") {
      send(response, 200, "text/css; charset=utf-8", assets.style);
      return {};
    }
    throw new HttpError(404, "NOT_FOUND", "Not found.");
  }

  return createServer((request, response) => {
    const started = performance.now();
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const finish = (extra: Partial<AccessLogEntry>): void => {
      const entry: AccessLogEntry = {
        method: request.method ?? "?",
        path,
        status: response.statusCode,
        ...extra,
        ms: 0,
      };
      entry.ms = Math.round(performance.now() - started);
      log(entry);
    };
    handle(request, response).then(finish, (error: unknown) => {
      const { status, view } = toErrorView(error);
      if (status === 413 || status === 415 || status === 429) {
        // Do not keep reading a body we refused; close the connection after answering.
        response.setHeader("Connection", "close");
        request.resume();
      }
      sendJson(response, status, { ok: false, error: view });
      const errorName = error instanceof Error ? error.name : typeof error;
      finish(status >= 500 ? { code: view.code, errorName } : { code: view.code });
    });
  });
}

function checkSameOrigin(request: IncomingMessage): void {
  const site = headerValue(request, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin") {
    throw new HttpError(403, "CROSS_SITE", "Keys can only be submitted from this page.");
  }
  const origin = headerValue(request, "origin");
  if (origin !== undefined && origin !== `http://${request.headers.host ?? ""}`) {
    throw new HttpError(403, "CROSS_ORIGIN", "Keys can only be submitted from this page.");
  }
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(body));
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  if (response.headersSent) return;
  response.statusCode = status;
  response.setHeader("Content-Type", contentType);
  response.setHeader("Content-Length", Buffer.byteLength(body));
  response.end(body);
}
