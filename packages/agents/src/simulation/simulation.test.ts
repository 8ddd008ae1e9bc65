import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { messageText } from "../model/message-text.js";
import {
  createMarketAgents,
  createMarketState,
  type MarketAction,
  type MarketState,
  marketWorld,
} from "../worlds/market.js";
import { Simulation, type SimulationOptions } from "./simulation.js";

function traderModel() {
  return new ScriptedChatModel((messages) => {
    const name = /You are trader-(\d+)/.exec(messageText(messages[0]!))?.[1] ?? "0";
    const index = Number(name);
    if (index % 7 === 6) return "I think I will wait.";
    return JSON.stringify({ action: index % 2 === 0 ? "buy" : "sell", quantity: (index % 5) + 1 });
  });
}

function simulation(
  agents: number,
  ticks: number,
  extra: Partial<SimulationOptions<MarketState, MarketAction>> = {},
) {
  return new Simulation<MarketState, MarketAction>({
    world: marketWorld,
    agents: createMarketAgents(agents),
    initialState: createMarketState(agents),
    ticks,
    model: traderModel(),
    ...extra,
  });
}

describe("Simulation", () => {
  it("runs 1,000 agents for 5 ticks, validating actions and attributing usage per tick", async () => {
    const run = simulation(1000, 5);
    const ticks: number[] = [];
    run.on("tick-end", (event) => ticks.push(event.actions));
    const outcome = await run.run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.ticksCompleted).toBe(5);
    expect(ticks).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(outcome.result?.invalidActions).toBe(5 * 142);
    expect(outcome.usage.run.calls).toBe(5000);
    expect(outcome.usage.byTask["tick-3"]?.calls).toBe(1000);
    expect(outcome.result?.state.trades).toBeGreaterThan(0);
  });

  it("is a function of its seed: same seed, same world; another seed, another order", async () => {
    const a = await simulation(50, 3, { seed: 7 }).run();
    const b = await simulation(50, 3, { seed: 7 }).run();
    const c = await simulation(50, 3, { seed: 8 }).run();
    expect(a.result?.state).toEqual(b.result?.state);
    expect(c.result?.state.price).not.toBe(a.result?.state.price);
  });

  it("resumes after a crash from the last completed tick without redoing it", async () => {
    const snapshotPath = join(mkdtempSync(join(tmpdir(), "simulation-")), "market.json");
    let calls = 0;
    const crashing = simulation(20, 4, {
      snapshotPath,
      hooks: {
        beforeModelCall: () => {
          if (++calls === 50) throw new Error("simulated crash");
          return undefined;
        },
      },
    });
    const crashed = await crashing.run();
    expect(crashed.status).toBe("failed");
    expect(crashed.partialResult?.ticksCompleted).toBe(2);
    const model = traderModel();
    const resumed = await simulation(20, 4, { snapshotPath, model }).run();
    expect(resumed.result?.resumedAfterTick).toBe(2);
    expect(resumed.result?.ticksCompleted).toBe(4);
    expect(model.calls).toHaveLength(40);
    const fresh = await simulation(20, 4).run();
    expect(resumed.result?.state).toEqual(fresh.result?.state);
  });

  it("stops at a token budget with the state of the last completed tick", async () => {
    const outcome = await simulation(10, 50, { limits: { maxTokens: 3000 } }).run();
    expect(outcome.status).toBe("stopped");
    expect(outcome.reason).toBe("max-tokens");
    expect(outcome.partialResult?.ticksCompleted).toBeGreaterThan(0);
    expect(outcome.partialResult?.ticksCompleted).toBeLessThan(50);
  });
});
