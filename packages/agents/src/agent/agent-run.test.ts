import { describe, expect, it } from "vitest";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { InvalidOptionsError } from "../errors/invalid-options-error.js";
import { Agent } from "./agent.js";
import { AgentRun } from "./agent-run.js";

describe("AgentRun", () => {
  it("runs one agent step as a run with usage", async () => {
    const agent = new Agent({ name: "solo", model: new ScriptedChatModel(() => "AAPL looks fine.") });
    const outcome = await new AgentRun({ agent, input: "Summarise AAPL" }).run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.content).toBe("AAPL looks fine.");
    expect(outcome.usage.byAgent.solo?.calls).toBe(1);
  });

  it("rejects invalid limits and unknown limit names at construction", () => {
    const agent = new Agent({ name: "solo", model: new ScriptedChatModel(() => "x") });
    expect(() => new AgentRun({ agent, input: "x", limits: { maxTurns: 0 } })).toThrow(/limits\.maxTurns/);
    expect(() => new AgentRun({ agent, input: "x", limits: { maxTokenz: 5 } as never })).toThrow(
      InvalidOptionsError,
    );
  });
});
