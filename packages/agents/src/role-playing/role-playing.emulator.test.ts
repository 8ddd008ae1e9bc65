import { afterEach, describe, expect, it } from "vitest";
import { emulatorFixture, modelId } from "../__fixtures__/emulator-fixture.js";
import { Agent } from "../agent/agent.js";
import { RolePlaying } from "./role-playing.js";

let fixture: Awaited<ReturnType<typeof emulatorFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("RolePlaying against the emulator", () => {
  it("reaches the termination token with ChatBedrockKey and per-agent keys", async () => {
    fixture = await emulatorFixture();
    const key = fixture.emulator.keys.issueLongTermKey({ userName: "trader-co" });
    const model = fixture.model();
    const user = new Agent({ name: "trader", role: "Stock Trader", model, apiKey: key });
    const assistant = new Agent({ name: "programmer", role: "Python Programmer", model, apiKey: key });
    const outcome = await new RolePlaying({
      task: "Develop a trading bot for the stock market",
      user,
      assistant,
    }).run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.terminatedBy).toBeDefined();
    expect(outcome.result?.turns.length).toBeGreaterThan(0);
    const audit = fixture.emulator.audit();
    expect(audit.every((entry) => entry.status === 200 && entry.fingerprint === user.tenant)).toBe(true);
    expect(outcome.usage.run.inputTokens).toBe(audit.reduce((sum, entry) => sum + entry.inputTokens, 0));
  });

  it("fires the loop guard on scripted repeats", async () => {
    fixture = await emulatorFixture();
    const key = fixture.emulator.keys.issueLongTermKey();
    fixture.emulator.script(modelId, [
      { text: "Instruction: buy AAPL" },
      { text: "Solution: bought. Next request." },
      { text: "Instruction: buy AAPL" },
      { text: "Solution: bought. Next request." },
      { text: "Instruction: buy AAPL" },
      { text: "Solution: bought. Next request." },
    ]);
    const model = fixture.model();
    const outcome = await new RolePlaying({
      task: "Trade",
      user: new Agent({ name: "trader", model, apiKey: key }),
      assistant: new Agent({ name: "programmer", model, apiKey: key }),
    }).run();
    expect(outcome.status).toBe("stopped");
    expect(outcome.reason).toBe("loop");
  });
});
