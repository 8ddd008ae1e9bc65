import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { Agent } from "../agent/agent.js";
import { messageText } from "../model/message-text.js";
import { RolePlaying } from "./role-playing.js";

const isUser = (messages: BaseMessage[]) => messageText(messages[0]!).includes("You will always instruct me");

function pair(respond: (messages: BaseMessage[], userTurn: number, assistantTurn: number) => string) {
  let userTurns = 0;
  let assistantTurns = 0;
  const model = new ScriptedChatModel((messages) =>
    isUser(messages)
      ? respond(messages, ++userTurns, assistantTurns)
      : respond(messages, userTurns, ++assistantTurns),
  );
  return {
    model,
    user: new Agent({ name: "trader", role: "Stock Trader", model }),
    assistant: new Agent({ name: "programmer", role: "Python Programmer", model }),
  };
}

describe("RolePlaying", () => {
  it("ends when the AI user says the termination token", async () => {
    const { user, assistant } = pair((messages, userTurn, assistantTurn) =>
      isUser(messages)
        ? userTurn < 3
          ? `Instruction: step ${userTurn}`
          : "<TASK_DONE>"
        : `Solution: did step ${assistantTurn}. Next request.`,
    );
    const outcome = await new RolePlaying({ task: "Develop a trading bot", user, assistant }).run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.terminatedBy).toBe("user");
    expect(outcome.result?.turns).toHaveLength(2);
    expect(outcome.result?.finalAnswer).toBe("Solution: did step 2. Next request.");
    expect(outcome.usage.byAgent.trader?.calls).toBe(3);
  });

  it("stops a ping-pong loop with reason loop", async () => {
    const { user, assistant } = pair((messages) =>
      isUser(messages) ? "Instruction: again" : "Solution: same.",
    );
    const outcome = await new RolePlaying({ task: "t", user, assistant }).run();
    expect(outcome.status).toBe("stopped");
    expect(outcome.reason).toBe("loop");
    expect(outcome.partialResult?.turns.length).toBeGreaterThan(0);
  });

  it("retries a role flip once, then stops with reason role-flip", async () => {
    const { user, assistant, model } = pair((messages) =>
      isUser(messages) ? "Instruction: write code" : "Instruction: you write it",
    );
    const outcome = await new RolePlaying({ task: "t", user, assistant }).run();
    expect(outcome.reason).toBe("role-flip");
    expect(model.calls.filter((call) => !isUser(call.messages))).toHaveLength(2);
  });

  it("stops an assistant that keeps echoing the instruction", async () => {
    const { user, assistant } = pair((messages, userTurn) =>
      isUser(messages) ? `Instruction: step ${userTurn}` : messageText(messages.at(-1)!).split("\n")[0]!,
    );
    const outcome = await new RolePlaying({ task: "t", user, assistant }).run();
    expect(outcome.reason).toBe("echo");
  });

  it("stops at maxTurns with the partial conversation", async () => {
    const { user, assistant } = pair((messages, userTurn, assistantTurn) =>
      isUser(messages) ? `Instruction: step ${userTurn}` : `Solution: ${assistantTurn}. Next request.`,
    );
    const outcome = await new RolePlaying({ task: "t", user, assistant, limits: { maxTurns: 3 } }).run();
    expect(outcome.status).toBe("stopped");
    expect(outcome.reason).toBe("max-turns");
    expect(outcome.partialResult?.turns).toHaveLength(3);
  });

  it("specifies the task first and lets a human critic choose among candidates", async () => {
    let counter = 0;
    const model = new ScriptedChatModel((messages) => {
      const first = messageText(messages[0]!);
      if (first.includes("Please make it more specific")) return "Build a momentum bot for AAPL.";
      if (first.includes("You will always instruct me"))
        return counter > 2 ? "<TASK_DONE>" : "Instruction: go";
      return `Solution: candidate ${++counter}. Next request.`;
    });
    const user = new Agent({ name: "trader", model });
    const assistant = new Agent({ name: "programmer", model });
    const seen: string[][] = [];
    const outcome = await new RolePlaying({
      task: "trading bot",
      user,
      assistant,
      taskSpecifier: new Agent({ name: "specifier", model }),
      critic: (candidates, { speaker }) => {
        if (speaker === "assistant") seen.push([...candidates]);
        return candidates.length - 1;
      },
    }).run();
    expect(outcome.result?.specifiedTask).toBe("Build a momentum bot for AAPL.");
    expect(seen[0]).toEqual(["Solution: candidate 1. Next request.", "Solution: candidate 2. Next request."]);
    expect(outcome.result?.turns[0]?.response).toBe("Solution: candidate 2. Next request.");
  });

  it("lets a critic agent pick a candidate by answering Option N", async () => {
    let counter = 0;
    const model = new ScriptedChatModel((messages) => {
      const first = messageText(messages[0]!);
      if (first.includes("You will always instruct me"))
        return counter >= 2 ? "<TASK_DONE>" : "Instruction: go";
      return `Solution: candidate ${++counter}. Next request.`;
    });
    const critic = new Agent({
      name: "critic",
      model: new ScriptedChatModel(() => "Option 2, it is more concrete."),
    });
    const outcome = await new RolePlaying({
      task: "trading bot",
      user: new Agent({ name: "trader", model }),
      assistant: new Agent({ name: "programmer", model }),
      critic,
    }).run();
    expect(outcome.result?.turns[0]?.response).toBe("Solution: candidate 2. Next request.");
    expect(outcome.usage.byAgent.critic?.calls).toBeGreaterThan(0);
  });

  it("stops with reason aborted when the caller's signal fires", async () => {
    const controller = new AbortController();
    const { user, assistant } = pair((messages, userTurn) => {
      if (userTurn === 2) controller.abort();
      return isUser(messages) ? `Instruction: ${userTurn}` : `Solution: ${userTurn}.`;
    });
    const outcome = await new RolePlaying({ task: "t", user, assistant, signal: controller.signal }).run();
    expect(outcome).toMatchObject({ status: "stopped", reason: "aborted" });
  });
});
