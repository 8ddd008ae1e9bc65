import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { leakedWindows } from "../__fixtures__/canary-keys.js";
import { run } from "../__fixtures__/test-io.js";
import { useEmulatorAndStore } from "../__fixtures__/use-emulator-and-store.js";
import { ExitCode } from "../exit-codes.js";

describe("bedrock-keys simulate", () => {
  const fixture = useEmulatorAndStore();

  it("records a market run on the embedded emulator and replays it identically with no network", async () => {
    const cassette = join(fixture.temp.directory, "market.jsonl");
    const args = ["simulate", "market", "--agents", "5", "--ticks", "2"];
    const recorded = await run([...args, "--latency", "none", "--record", cassette], { now: new Date() });
    expect(recorded.stderr).toBe("");
    expect(recorded.code).toBe(ExitCode.Ok);
    expect(recorded.stdout).toMatch(/tick 2\/2: 5 actions/);
    expect(recorded.stdout).toMatch(/│ market simulation │ completed │ 10 /);
    expect((await readFile(cassette, "utf8")).trim().split("\n")).toHaveLength(10);

    const replayed = await run([...args, "--replay", cassette], { now: new Date() });
    expect(replayed.code).toBe(ExitCode.Ok);
    expect(replayed.stdout).toContain("replaying a cassette: no network");
    const outcome = (text: string) => /simulation completed: (.*)/.exec(text)?.[1];
    expect(outcome(replayed.stdout)).toBeDefined();
    expect(outcome(replayed.stdout)).toBe(outcome(recorded.stdout));
  });

  it("runs the role-play as a stored tenant, on that tenant's key", async () => {
    const { key, fingerprint, output: onboardOutput } = await fixture.onboardTenant();
    fixture.emulator.clearAudit();
    const result = await run(
      [
        "simulate",
        "role-play",
        "--turns",
        "2",
        "--tenant",
        "acme",
        "--endpoint",
        fixture.emulator.url,
        "--store",
        fixture.temp.store,
      ],
      { env: fixture.temp.env, now: new Date() },
    );
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain(`tenant "acme" (key ${fingerprint})`);
    expect(result.stdout).toMatch(/│ role-play\s+│ (completed|stopped \(max-turns\))/);
    const audit = fixture.emulator.audit();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((entry) => entry.fingerprint === fingerprint)).toBe(true);
    expect(leakedWindows(result.stdout + result.stderr + onboardOutput, key)).toEqual([]);
  });

  it("exits 5 when the tenant has no key in the store", async () => {
    const result = await run(
      [
        "simulate",
        "market",
        "--agents",
        "2",
        "--ticks",
        "1",
        "--tenant",
        "ghost",
        "--endpoint",
        fixture.emulator.url,
        "--store",
        fixture.temp.store,
      ],
      { env: fixture.temp.env, now: new Date() },
    );
    expect(result.code).toBe(ExitCode.Store);
    expect(result.stderr).toContain("NO_ACTIVE_KEY");
  });

  it("stops at --timeout with partial results and exit code 7 when every call is throttled", async () => {
    await fixture.onboardTenant();
    fixture.emulator.faults.set({ rates: { throttling: 1 } });
    try {
      const result = await run(
        [
          "simulate",
          "market",
          "--agents",
          "2",
          "--ticks",
          "1",
          "--timeout",
          "1s",
          "--tenant",
          "acme",
          "--endpoint",
          fixture.emulator.url,
          "--store",
          fixture.temp.store,
        ],
        { env: fixture.temp.env, now: new Date() },
      );
      expect(result.code).toBe(ExitCode.Incomplete);
      expect(result.stdout).toMatch(/simulation stopped \(deadline\)/);
      expect(result.stdout).toMatch(/│ market simulation │ stopped \(deadline\) │/);
      expect(result.stderr).toContain("[RUN_INCOMPLETE]");
      expect(Number(/│ market simulation │[^│]*│[^│]*│ (\d+)\s+│/.exec(result.stdout)?.[1] ?? "-1")).toBe(0);
    } finally {
      fixture.emulator.faults.clear();
    }
  });

  it("exits 130 with partial results when interrupted", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await run(["simulate", "market", "--agents", "2", "--ticks", "2", "--latency", "none"], {
      signal: controller.signal,
      now: new Date(),
    });
    expect(result.code).toBe(ExitCode.Interrupted);
    expect(result.stderr).toContain("[INTERRUPTED]");
  });

  it("rejects an unknown example and conflicting cassette options with exit code 2", async () => {
    expect((await run(["simulate", "chess"])).code).toBe(ExitCode.Usage);
    const both = await run(["simulate", "market", "--record", "a.jsonl", "--replay", "b.jsonl"]);
    expect(both.code).toBe(ExitCode.Usage);
    expect(both.stderr).toContain("[CONFLICTING_OPTIONS]");
    expect((await run(["simulate", "market", "--agents", "0"])).code).toBe(ExitCode.Usage);
  });
});
