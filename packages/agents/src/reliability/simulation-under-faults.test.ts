import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { RateLimiterRegistry } from "../limits/rate-limiter-registry.js";
import { resolveTenant } from "../model/resolve-tenant.js";
import { Simulation } from "../simulation/simulation.js";
import type { SimulationAgent, WorldDefinition } from "../simulation/world-definition.js";
import { auditUsage, failureCounts, ISSUE_FAULTS, instantClock } from "./__fixtures__/fault-harness.js";

const AGENTS = 500;
const TICKS = 1;
const TENANTS = 5;

interface Ballot {
  /** Every agent whose action was applied, per tick, in application order. */
  applied: Record<number, string[]>;
}
type Vote = { choice: string };

/** A world that only records who acted: every agent must act exactly once per tick. */
const ballotWorld: WorldDefinition<Ballot, Vote> = {
  name: "ballot",
  rules: "Each tick you cast one vote for a colour.",
  actionSchema: z.object({ choice: z.string() }),
  // Agents whose reply is not a valid vote still act (abstain), so "acted once" does not depend on the model.
  fallbackAction: { choice: "abstain" },
  view: (_state, agent, tick) => `Tick ${tick}. ${agent.name}, which colour do you vote for?`,
  apply: (state, actions, tick) => ({
    applied: { ...state.applied, [tick]: actions.map(({ agent }) => agent.name) },
  }),
};

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("Simulation under faults (20% throttling, 5% unavailable, 2% mid-stream errors, 2% connection resets)", () => {
  it("500 agents: every agent acts exactly once per tick; usage and cost equal the audit", async () => {
    emulator = await startEmulator({ faults: ISSUE_FAULTS });
    const keys = Array.from({ length: TENANTS }, (_, index) =>
      emulator?.keys.issueLongTermKey({ userName: `sim-tenant-${index}` }),
    ) as string[];
    const agents: SimulationAgent[] = Array.from({ length: AGENTS }, (_, index) => ({
      index,
      name: `agent-${index}`,
      apiKey: keys[index % TENANTS] as string,
    }));
    const simulation = new Simulation({
      world: ballotWorld,
      agents,
      initialState: { applied: {} },
      ticks: TICKS,
      model: new ChatBedrockKey({
        model: "amazon.nova-lite-v1:0",
        endpoint: emulator.url,
        region: "us-east-1",
        maxRetries: 0,
        maxTokens: 32,
        env: {},
      }),
      concurrency: 64,
      maxOutputTokens: 32,
      clock: instantClock,
      rateLimiters: new RateLimiterRegistry({ clock: instantClock }),
      random: () => 0.5,
    });
    const replies = new Map<string, number>();
    let tick = 0;
    simulation.on("tick-start", (event) => {
      tick = event.tick;
    });
    simulation.on("message", (event) => {
      const id = `${tick}/${event.agent}`;
      replies.set(id, (replies.get(id) ?? 0) + 1);
    });
    let throttled = 0;
    simulation.on("throttled", () => void throttled++);

    const outcome = await simulation.run();

    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.ticksCompleted).toBe(TICKS);
    for (let tick = 1; tick <= TICKS; tick++) {
      const applied = outcome.result?.state.applied[tick] ?? [];
      expect(applied).toHaveLength(AGENTS);
      expect(new Set(applied).size).toBe(AGENTS);
    }
    // One reply per agent per tick, none lost and none duplicated by retries.
    expect(replies.size).toBe(AGENTS * TICKS);
    expect([...replies.values()].every((count) => count === 1)).toBe(true);

    const audit = emulator.audit();
    const failures = failureCounts(audit);
    expect(failures.ThrottlingException).toBeGreaterThan(50);
    expect(failures.ServiceUnavailableException).toBeGreaterThan(5);
    expect(audit.filter((entry) => entry.fault === "connectionReset").length).toBeGreaterThan(0);
    expect(throttled).toBeGreaterThanOrEqual(failures.ThrottlingException ?? 0);

    const expected = auditUsage(audit);
    expect(outcome.usage.run.calls).toBe(AGENTS * TICKS);
    expect(outcome.usage.run.calls).toBe(expected.calls);
    expect(outcome.usage.run.inputTokens).toBe(expected.inputTokens);
    expect(outcome.usage.run.outputTokens).toBe(expected.outputTokens);
    expect(outcome.usage.run.costUsd).toBeCloseTo(expected.costUsd, 10);
    for (const key of keys) {
      const tenant = resolveTenant(key);
      expect(outcome.usage.byTenant[tenant]?.calls).toBe(auditUsage(audit, tenant).calls);
      expect(outcome.usage.byTenant[tenant]?.totalTokens).toBe(auditUsage(audit, tenant).totalTokens);
    }
  });
});
