import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakedWindows } from "./__fixtures__/leaks.js";
import { openSession, postOnboard } from "./__fixtures__/server-client.js";
import type { AccessLogEntry } from "./create-onboarding-server.js";
import { type OnboardingApp, startOnboardingApp } from "./start-onboarding-app.js";

describe("onboarding server with onboardKey against the emulator", () => {
  let app: OnboardingApp;
  const logs: AccessLogEntry[] = [];
  const pasted: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    app = await startOnboardingApp({ log: (entry) => logs.push(entry) });
  });
  afterAll(async () => {
    await app.close();
    const everything = [JSON.stringify(logs), ...bodies].join("\n");
    for (const key of pasted) expect(leakedWindows(everything, key)).toEqual([]);
  });

  async function onboard(tenantId: string, key: string) {
    pasted.push(key);
    const session = await openSession(app.url);
    const result = await postOnboard(app.url, session, JSON.stringify({ tenantId, key }));
    bodies.push(result.text);
    return result;
  }

  it("answers a good key with the redacted report, stores it sealed, and logs only its fingerprint", async () => {
    const key = app.emulator!.keys.issueLongTermKey();
    const result = await onboard("acme", key);
    expect(result.status).toBe(200);
    const body = result.json() as {
      ok: boolean;
      report: { fingerprint: string; redacted: string; models: string[] };
    };
    expect(body.ok).toBe(true);
    expect(body.report.redacted).toBe(`ABSK…(${body.report.fingerprint})`);
    expect(body.report.models).toContain("amazon.nova-lite-v1:0");
    expect(logs.at(-1)).toMatchObject({
      method: "POST",
      path: "/api/onboard",
      status: 200,
      fingerprint: body.report.fingerprint,
    });
    expect((await app.store.get("acme"))?.record.fingerprint).toBe(body.report.fingerprint);
  });

  it("answers a rejected key with 422, the reason and the remediation, and stores nothing", async () => {
    const key = app.emulator!.keys.issueLongTermKey({ deniedByPolicy: true });
    const result = await onboard("initech", key);
    expect(result.status).toBe(422);
    expect(result.json()).toMatchObject({ ok: false, error: { code: "DENIED_BY_POLICY", kind: "rejected" } });
    expect((result.json() as { error: { remediation?: string } }).error.remediation).toBeTruthy();
    expect(await app.store.list("initech")).toEqual([]);
  });

  it("answers a bad paste with 422 and the parser's code, never echoing it", async () => {
    const key = app.emulator!.keys.issueLongTermKey();
    const wrapped = key.slice(0, 70);
    const result = await onboard("hooli", wrapped);
    expect(result.status).toBe(422);
    expect(result.json()).toMatchObject({ error: { code: "TRUNCATED", kind: "format" } });
  });

  it("answers 502 UNVERIFIED when Bedrock cannot be reached, without leaking the key", async () => {
    const unreachable = await startOnboardingApp({
      endpoint: "http://127.0.0.1:9",
      region: "us-east-1",
      log: (entry) => logs.push(entry),
    });
    try {
      const key = app.emulator!.keys.issueLongTermKey();
      pasted.push(key);
      const session = await openSession(unreachable.url);
      const result = await postOnboard(unreachable.url, session, JSON.stringify({ tenantId: "acme", key }));
      bodies.push(result.text);
      expect(result.status).toBe(502);
      expect(result.json()).toMatchObject({ ok: false, error: { code: "UNVERIFIED" } });
    } finally {
      await unreachable.close();
    }
  });

  it("refuses a chunked body that grows past the limit (413) and keeps serving", async () => {
    const session = await openSession(app.url);
    const chunk = new TextEncoder().encode("A".repeat(8192));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${app.url}/api/onboard`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": session.token, cookie: session.cookie },
      body: stream,
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    if (response instanceof Response) expect(response.status).toBe(413);
    expect((await fetch(`${app.url}/`)).status).toBe(200);
  });
});
