import { describe, expect, it } from "vitest";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { Agent } from "../agent/agent.js";
import { RolePlaying } from "../role-playing/role-playing.js";
import type { AgentEvent } from "./agent-events.js";

describe("run events", () => {
  it("are typed, carry run id, agent, tenant and usage, and are iterable with for await", async () => {
    const model = new ScriptedChatModel((messages) =>
      messages.length > 3 ? "<TASK_DONE>" : "Instruction: go",
    );
    const apiKey = "ABSKQmVkcm9ja0FQSUtleS1URVNULWF0LTEyMzQ1Njc4OTAxMjpzZWNyZXQ=";
    const session = new RolePlaying({
      task: "t",
      user: new Agent({ name: "u", model, apiKey }),
      assistant: new Agent({
        name: "a",
        model: new ScriptedChatModel(() => "Solution: ok. Next request."),
        apiKey,
      }),
    });
    const collected: AgentEvent[] = [];
    const iterate = (async () => {
      for await (const event of session.events()) collected.push(event);
    })();
    const outcome = await session.run();
    await iterate;
    const types = collected.map((event) => event.type);
    expect(types[0]).toBe("run-start");
    expect(types.at(-1)).toBe("run-end");
    expect(types).toEqual(expect.arrayContaining(["agent-start", "agent-end", "message", "usage"]));
    expect(collected.every((event) => event.runId === outcome.runId)).toBe(true);
    const usage = collected.find((event) => event.type === "usage");
    expect(usage?.type === "usage" && usage.tenant).toMatch(/^[0-9a-f]{8}$/);
    expect(usage?.type === "usage" && usage.usage.totalTokens).toBeGreaterThan(0);
    expect(JSON.stringify(collected)).not.toContain(apiKey);
  });

  it("emits budget-warning then budget-exceeded and stops with the partial result", async () => {
    const model = new ScriptedChatModel(() => "Instruction: more");
    const session = new RolePlaying({
      task: "t",
      user: new Agent({ name: "u", model }),
      assistant: new Agent({ name: "a", model: new ScriptedChatModel((_, index) => `Solution: ${index}.`) }),
      limits: { maxSteps: 5 },
      guards: { maxRepeats: 100 },
    });
    const budget: string[] = [];
    session.on("budget-warning", (event) => budget.push(`warning ${event.limit}`));
    session.on("budget-exceeded", (event) => budget.push(`exceeded ${event.limit}`));
    const outcome = await session.run();
    expect(outcome).toMatchObject({ status: "stopped", reason: "max-steps" });
    expect(budget).toEqual(["warning max-steps", "exceeded max-steps"]);
    expect(outcome.partialResult?.turns).toHaveLength(2);
  });
});
