import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mintShortTermKey } from "@bedrock-keys/credentials";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakedWindows } from "./__fixtures__/leaks.js";
import type { AccessLogEntry } from "./create-onboarding-server.js";
import { type OnboardingApp, startOnboardingApp } from "./start-onboarding-app.js";

const artifacts = fileURLToPath(new URL("../__artifacts__/", import.meta.url));

describe("onboarding page in headless Chromium", () => {
  let app: OnboardingApp;
  let browser: Browser;
  const logs: AccessLogEntry[] = [];
  const seen: string[] = [];
  const pasted: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    app = await startOnboardingApp({ log: (entry) => logs.push(entry) });
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    const everything = [JSON.stringify(logs), ...seen].join("\n");
    for (const key of pasted) expect(leakedWindows(everything, key)).toEqual([]);
  });

  /** Opens the page, pastes `key` for `tenant`, submits, waits for the result; records URLs and responses. */
  async function submit(tenant: string, key: string, screenshot: string): Promise<Page> {
    pasted.push(key);
    const page = await browser.newPage();
    page.on("request", (request) => seen.push(request.url()));
    page.on("response", async (response) => {
      seen.push(response.url(), await response.text().catch(() => ""));
    });
    await page.goto(app.url);
    await page.fill("#tenant", tenant);
    await page.fill("#key", key);
    await page.click("#submit");
    await page.waitForSelector("#result[data-state]");
    expect(await page.inputValue("#key")).toBe("");
    seen.push(await page.content());
    await page.screenshot({ path: `${artifacts}${screenshot}`, fullPage: true });
    return page;
  }

  it("shows the report for a good long-term key", async () => {
    const key = app.emulator!.keys.issueLongTermKey({ accountId: "111122223333" });
    const page = await submit("acme", key, "long-term-key.png");
    expect(await page.getAttribute("#result", "data-state")).toBe("ok");
    const report = await page.textContent("#report");
    expect(report).toContain("long-term");
    expect(report).toMatch(/ABSK…\([0-9a-f]{8}\)/);
    expect(report).toContain("111122223333");
    expect(report).toContain("us-east-1");
    expect(report).toContain("amazon.nova-lite-v1:0");
    expect((await app.store.list("acme")).map((record) => record.status)).toEqual(["active"]);
    await page.close();
  });

  it("shows the region, expiry and a warning for a good short-term key", async () => {
    const minted = await mintShortTermKey({
      credentials: app.emulator!.keys.testCredentials,
      region: "us-east-1",
    });
    const page = await submit("globex", minted.reveal(), "short-term-key.png");
    expect(await page.getAttribute("#result", "data-state")).toBe("ok");
    const report = await page.textContent("#report");
    expect(report).toContain("short-term");
    expect(report).toMatch(/in 1[01]h \d+m/);
    expect(await page.textContent("#result")).toContain("⚠");
    await page.close();
  });

  it("shows the specific diagnosis for an expired short-term key", async () => {
    const expired = await mintShortTermKey({
      credentials: app.emulator!.keys.testCredentials,
      region: "us-east-1",
      expiresInSeconds: 3600,
      now: new Date(Date.now() - 2 * 3_600_000),
    });
    const page = await submit("initech", expired.reveal(), "expired-key.png");
    expect(await page.getAttribute("#result", "data-state")).toBe("error");
    expect(await page.getAttribute("#result", "data-code")).toBe("EXPIRED");
    expect(await page.textContent("#result")).toMatch(/expired/i);
    expect(await app.store.list("initech")).toEqual([]);
    await page.close();
  });

  it("tells a customer who pasted an AWS access key id what to paste instead", async () => {
    const page = await submit("umbrella", "AKIAIOSFODNN7EXAMPLE", "aws-access-key-id.png");
    expect(await page.getAttribute("#result", "data-state")).toBe("error");
    expect(await page.getAttribute("#result", "data-code")).toBe("AWS_ACCESS_KEY_ID");
    const text = (await page.textContent("#result")) ?? "";
    expect(text).toMatch(/access key/i);
    expect(text).not.toContain("AKIAIOSFODNN7EXAMPLE");
    await page.close();
  });

  it("sent every key only in POST bodies: no URL and no log line carries one", () => {
    expect(logs.filter((entry) => entry.path === "/api/onboard")).toHaveLength(4);
    expect(logs.every((entry) => !entry.path.includes("?"))).toBe(true);
  });
});
