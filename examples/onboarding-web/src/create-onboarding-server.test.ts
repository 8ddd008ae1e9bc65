import type { Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { leakedWindows } from "./__fixtures__/leaks.js";
import { close, listen, openSession, postOnboard } from "./__fixtures__/server-client.js";
import { type AccessLogEntry, createOnboardingServer } from "./create-onboarding-server.js";
import type { OnboardRequest } from "./onboard-request.js";

const CANARY = `ABSK${Buffer.from("BedrockAPIKey-cnry-at-123456789012:CanarySecretZZ9a8b7c6d5e4f3g2h1").toString("base64")}`;

describe("onboarding server request guards", () => {
  let server: Server;
  let baseUrl: string;
  let logs: AccessLogEntry[];
  let calls: OnboardRequest[];

  beforeEach(async () => {
    logs = [];
    calls = [];
    server = createOnboardingServer({
      onboard: async (request) => {
        calls.push(request);
        throw new Error(`guards should have stopped this request`);
      },
      log: (entry) => logs.push(entry),
      maxBodyBytes: 4096,
    });
    baseUrl = await listen(server);
  });

  afterEach(async () => {
    await close(server);
    const everything = JSON.stringify(logs);
    expect(leakedWindows(everything, CANARY)).toEqual([]);
  });

  it("serves the page with a strict CSP, a CSRF cookie and the token in a meta tag", async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("set-cookie")).toMatch(
      /^onboarding_csrf=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    expect(html).toMatch(/<meta name="csrf-token" content="[\w-]+\.[\w-]+"/);
    expect(html).toContain('type="password"');
    expect(html).not.toContain("<script>");
  });

  it("keeps a valid CSRF cookie across page loads and replaces a forged one", async () => {
    const first = await openSession(baseUrl);
    const again = await fetch(`${baseUrl}/`, { headers: { cookie: first.cookie } });
    expect((await again.text()).includes(first.token)).toBe(true);
    const forged = await fetch(`${baseUrl}/`, { headers: { cookie: "onboarding_csrf=AAAA.BBBB" } });
    expect(forged.headers.get("set-cookie")).not.toContain("AAAA.BBBB");
    expect(await forged.text()).not.toContain("AAAA.BBBB");
  });

  it("refuses a POST without a CSRF token (403)", async () => {
    const session = await openSession(baseUrl);
    const result = await postOnboard(
      baseUrl,
      { ...session, token: "" },
      JSON.stringify({ tenantId: "acme", key: CANARY }),
      {
        "x-csrf-token": "",
      },
    );
    expect(result.status).toBe(403);
    expect(result.json()).toMatchObject({ ok: false, error: { code: "CSRF" } });
    expect(calls).toHaveLength(0);
  });

  it("refuses a POST whose token does not match the cookie (403)", async () => {
    const session = await openSession(baseUrl);
    const other = await openSession(baseUrl);
    const result = await postOnboard(
      baseUrl,
      { cookie: session.cookie, token: other.token },
      JSON.stringify({ tenantId: "acme", key: CANARY }),
    );
    expect(result.status).toBe(403);
    expect(calls).toHaveLength(0);
  });

  it("refuses a forged token that matches its own forged cookie (403)", async () => {
    const forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    const result = await postOnboard(
      baseUrl,
      { cookie: `onboarding_csrf=${forged}`, token: forged },
      JSON.stringify({ tenantId: "acme", key: CANARY }),
    );
    expect(result.status).toBe(403);
    expect(calls).toHaveLength(0);
  });

  it("refuses a cross-origin POST even with a valid token (403)", async () => {
    const session = await openSession(baseUrl);
    const result = await postOnboard(baseUrl, session, JSON.stringify({ tenantId: "acme", key: CANARY }), {
      origin: "https://evil.example",
    });
    expect(result.status).toBe(403);
    expect(result.json()).toMatchObject({ error: { code: "CROSS_ORIGIN" } });
    const crossSite = await postOnboard(baseUrl, session, JSON.stringify({ tenantId: "acme", key: CANARY }), {
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    expect(calls).toHaveLength(0);
  });

  it("refuses a form-encoded or text body (415)", async () => {
    const session = await openSession(baseUrl);
    for (const contentType of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
    ]) {
      const result = await postOnboard(baseUrl, session, `tenantId=acme&key=${CANARY}`, {
        "content-type": contentType,
      });
      expect(result.status).toBe(415);
      expect(leakedWindows(result.text, CANARY)).toEqual([]);
    }
    expect(calls).toHaveLength(0);
  });

  it("refuses an oversized body (413) and keeps serving", async () => {
    const session = await openSession(baseUrl);
    const huge = JSON.stringify({ tenantId: "acme", key: CANARY.repeat(200) });
    const result = await postOnboard(baseUrl, session, huge);
    expect(result.status).toBe(413);
    expect(result.json()).toMatchObject({ error: { code: "BODY_TOO_LARGE" } });
    expect((await fetch(`${baseUrl}/`)).status).toBe(200);
    expect(calls).toHaveLength(0);
  });

  it("refuses invalid JSON and invalid UTF-8 (400) without echoing the body", async () => {
    const session = await openSession(baseUrl);
    const broken = await postOnboard(baseUrl, session, `{"tenantId":"acme","key":"${CANARY}"`);
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: "INVALID_JSON" } });
    expect(leakedWindows(broken.text, CANARY)).toEqual([]);
    const binary = await postOnboard(baseUrl, session, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(binary.status).toBe(400);
    expect(binary.json()).toMatchObject({ error: { code: "INVALID_UTF8" } });
    expect(calls).toHaveLength(0);
  });

  it("refuses unknown fields, a bad tenant id and a query string (400)", async () => {
    const session = await openSession(baseUrl);
    const extra = await postOnboard(
      baseUrl,
      session,
      JSON.stringify({ tenantId: "acme", key: CANARY, admin: true }),
    );
    expect(extra.status).toBe(400);
    const badTenant = await postOnboard(
      baseUrl,
      session,
      JSON.stringify({ tenantId: "../etc", key: CANARY }),
    );
    expect(badTenant.status).toBe(400);
    expect(leakedWindows(badTenant.text, CANARY)).toEqual([]);
    const query = await fetch(`${baseUrl}/api/onboard?key=${encodeURIComponent(CANARY)}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": session.token, cookie: session.cookie },
      body: "{}",
    });
    expect(query.status).toBe(400);
    expect(logs.every((entry) => entry.path === "/" || entry.path === "/api/onboard")).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it("answers an unexpected failure with a generic 500 and logs only the error's class name", async () => {
    const failing = createOnboardingServer({
      onboard: async ({ key }) => {
        throw new TypeError(`something broke near ${key}`);
      },
      log: (entry) => logs.push(entry),
    });
    const url = await listen(failing);
    try {
      const session = await openSession(url);
      const result = await postOnboard(url, session, JSON.stringify({ tenantId: "acme", key: CANARY }));
      expect(result.status).toBe(500);
      expect(result.json()).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
      expect(leakedWindows(result.text, CANARY)).toEqual([]);
      expect(logs.at(-1)).toMatchObject({ status: 500, code: "INTERNAL", errorName: "TypeError" });
    } finally {
      await close(failing);
    }
  });

  it("limits onboarding attempts per client address (429 with Retry-After), then lets it try again", async () => {
    let clock = 1_000_000;
    const limited = createOnboardingServer({
      onboard: async () => {
        throw new Error("not reached");
      },
      log: (entry) => logs.push(entry),
      maxAttemptsPerMinute: 3,
      now: () => clock,
    });
    const url = await listen(limited);
    try {
      const session = await openSession(url);
      const attempt = () => postOnboard(url, session, "{not json");
      for (let index = 0; index < 3; index += 1) expect((await attempt()).status).toBe(400);
      const refused = await fetch(`${url}/api/onboard`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-csrf-token": session.token,
          cookie: session.cookie,
        },
        body: JSON.stringify({ tenantId: "acme", key: CANARY }),
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
      expect(leakedWindows(await refused.text(), CANARY)).toEqual([]);
      clock += 60_000;
      expect((await attempt()).status).toBe(400);
    } finally {
      await close(limited);
    }
  });

  it("answers GET on the API with 405 and unknown paths with 404", async () => {
    expect((await fetch(`${baseUrl}/api/onboard`)).status).toBe(405);
    expect((await fetch(`${baseUrl}/nope`)).status).toBe(404);
  });
});
