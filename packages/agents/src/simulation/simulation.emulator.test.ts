import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emulatorFixture } from "../__fixtures__/emulator-fixture.js";
import { RateLimiterRegistry } from "../limits/rate-limiter-registry.js";
import { createScaledClock } from "../time/clock.js";
import {
  createMarketAgents,
  createMarketState,
  type MarketAction,
  type MarketState,
  marketWorld,
} from "../worlds/market.js";
import { Simulation } from "./simulation.js";

let fixture: Awaited<ReturnType<typeof emulatorFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("Simulation against the emulator", () => {
  it("completes 1,000 agents x 5 ticks with schema-valid actions, one audited request per agent-tick", async () => {
    fixture = await emulatorFixture();
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    const outcome = await new Simulation<MarketState, MarketAction>({
      world: marketWorld,
      agents: createMarketAgents(1000),
      initialState: createMarketState(1000),
      ticks: 5,
      model: fixture.model({ maxTokens: 64 }),
      apiKey,
      concurrency: 64,
      rateLimiters: new RateLimiterRegistry({ defaults: { maxConcurrency: 64 } }),
    }).run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.ticksCompleted).toBe(5);
    expect(outcome.usage.run.calls).toBe(5000);
    expect(fixture.emulator.audit().filter((entry) => entry.status === 200)).toHaveLength(5000);
    expect(outcome.result?.invalidActions).toBeLessThan(250);
  }, 120_000);

  it("loses no task to a 300 RPM quota with faults on (50 agents, fast clock on both sides)", async () => {
    const clock = createScaledClock(1000);
    fixture = await emulatorFixture({
      now: clock.now,
      quotas: { requestsPerMinute: 300 },
      faults: { rates: { throttling: 0.1, serviceUnavailable: 0.05 }, seed: 7 },
    });
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    const simulation = new Simulation<MarketState, MarketAction>({
      world: marketWorld,
      agents: createMarketAgents(50),
      initialState: createMarketState(50),
      ticks: 8,
      model: fixture.model({ maxTokens: 64 }),
      apiKey,
      clock,
      limits: { timeoutMs: 24 * 3_600_000 },
    });
    let throttled = 0;
    simulation.on("throttled", () => throttled++);
    const outcome = await simulation.run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.ticksCompleted).toBe(8);
    expect(outcome.usage.run.calls).toBe(400);
    const audit = fixture.emulator.audit();
    expect(audit.filter((entry) => entry.status === 200)).toHaveLength(400);
    expect(audit.some((entry) => entry.status === 429)).toBe(true);
    expect(throttled).toBeGreaterThan(0);
  }, 60_000);

  it("runs two tenants' agents in one simulation, each on its own key", async () => {
    fixture = await emulatorFixture();
    const keyA = fixture.emulator.keys.issueLongTermKey({ userName: "tenant-a" });
    const keyB = fixture.emulator.keys.issueLongTermKey({ userName: "tenant-b" });
    const agents = createMarketAgents(20).map((agent) => ({
      ...agent,
      apiKey: agent.index % 2 === 0 ? keyA : keyB,
    }));
    const outcome = await new Simulation<MarketState, MarketAction>({
      world: marketWorld,
      agents,
      initialState: createMarketState(20),
      ticks: 2,
      model: fixture.model(),
    }).run();
    const byFingerprint = new Map<string, number>();
    for (const entry of fixture.emulator.audit()) {
      byFingerprint.set(
        entry.fingerprint ?? "none",
        (byFingerprint.get(entry.fingerprint ?? "none") ?? 0) + 1,
      );
    }
    const tenants = Object.keys(outcome.usage.byTenant).sort();
    expect(tenants).toHaveLength(2);
    expect([...byFingerprint.keys()].sort()).toEqual(tenants);
    expect([...byFingerprint.values()]).toEqual([20, 20]);
    expect(JSON.stringify(outcome)).not.toContain(keyA);
  });

  it("resumes after a crash without redoing completed ticks", async () => {
    fixture = await emulatorFixture();
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    const snapshotPath = join(mkdtempSync(join(tmpdir(), "sim-crash-")), "snapshot.json");
    const make = (crashAt?: number) => {
      let calls = 0;
      return new Simulation<MarketState, MarketAction>({
        world: marketWorld,
        agents: createMarketAgents(10),
        initialState: createMarketState(10),
        ticks: 4,
        model: fixture!.model(),
        apiKey,
        snapshotPath,
        concurrency: 1,
        hooks: {
          beforeModelCall: () => {
            if (++calls === crashAt) throw new Error("process killed");
            return undefined;
          },
        },
      });
    };
    const crashed = await make(25).run();
    expect(crashed.status).toBe("failed");
    expect(fixture.emulator.audit()).toHaveLength(24);
    fixture.emulator.clearAudit();
    const resumed = await make().run();
    expect(resumed.result?.resumedAfterTick).toBe(2);
    expect(resumed.result?.ticksCompleted).toBe(4);
    expect(fixture.emulator.audit()).toHaveLength(20);
  });
});
