import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { Agent } from "../agent/agent.js";
import { messageText } from "../model/message-text.js";
import { Workforce } from "./workforce.js";

const plan = JSON.stringify({
  subtasks: [
    { id: "research", description: "research market data", dependsOn: [] },
    { id: "code", description: "write python code for the bot", dependsOn: [] },
    { id: "report", description: "write the report", dependsOn: ["research", "code"] },
  ],
});

const lastText = (messages: BaseMessage[]) => messageText(messages.at(-1)!);

function team(worker: (messages: BaseMessage[], name: string) => string | Error | Promise<string | Error>) {
  const coordinatorModel = new ScriptedChatModel((messages) =>
    lastText(messages).includes("Decompose") ? plan : `FINAL: ${lastText(messages).length} chars`,
  );
  const models = new Map<string, ScriptedChatModel>();
  const make = (name: string, description: string) => {
    const model = new ScriptedChatModel((messages) => worker(messages, name));
    models.set(name, model);
    return new Agent({ name, description, model });
  };
  return {
    coordinator: new Agent({ name: "coordinator", model: coordinatorModel }),
    workers: [
      make("analyst", "research analyst for market data"),
      make("coder", "python programmer who writes code"),
    ],
    models,
  };
}

describe("Workforce", () => {
  it("decomposes, assigns by description, runs independent subtasks in parallel and composes", async () => {
    let inFlight = 0;
    let peak = 0;
    const { coordinator, workers } = team(async (messages, name) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return `${name} did: ${lastText(messages).split("\n")[2]}`;
    });
    const assigned: Record<string, string> = {};
    const workforce = new Workforce({ task: "Build a trading bot", coordinator, workers });
    workforce.on("task-assigned", (event) => (assigned[event.taskId] = event.agent));
    const outcome = await workforce.run();
    expect(outcome.status).toBe("completed");
    expect(Object.keys(outcome.result?.results ?? {})).toEqual(["research", "code", "report"]);
    expect(assigned).toMatchObject({ research: "analyst", code: "coder" });
    expect(peak).toBe(2);
    expect(outcome.result?.finalAnswer).toMatch(/^FINAL/);
    expect(outcome.usage.byTask.report?.calls).toBe(1);
  });

  it("retries a failing subtask, then reassigns it to another worker", async () => {
    const { coordinator, workers, models } = team((messages, name) =>
      name === "coder" && lastText(messages).includes("python") ? new Error("model broke") : `${name} ok`,
    );
    const events: string[] = [];
    const workforce = new Workforce({ task: "Build a trading bot", coordinator, workers, maxRetries: 2 });
    workforce.on("task-retried", (event) =>
      events.push(`retried ${event.taskId} ${event.agent} ${event.attempt}`),
    );
    workforce.on("task-assigned", (event) => events.push(`assigned ${event.taskId} ${event.agent}`));
    const outcome = await workforce.run();
    expect(outcome.status).toBe("completed");
    expect(outcome.result?.results.code?.worker).toBe("analyst");
    expect(events).toContain("retried code coder 2");
    expect(events).toContain("assigned code analyst");
    expect(
      models.get("coder")?.calls.filter((call) => lastText(call.messages).includes("python")),
    ).toHaveLength(3);
  });

  it("replans when a subtask fails on every worker, and fails cleanly when no replan is left", async () => {
    const { coordinator, workers } = team((messages, name) =>
      lastText(messages).includes("python") ? new Error("nobody can code") : `${name} ok`,
    );
    const outcome = await new Workforce({
      task: "Build a trading bot",
      coordinator,
      workers,
      maxRetries: 0,
      maxReplans: 1,
    }).run();
    expect(outcome.status).toBe("failed");
    expect(outcome.error?.code).toBe("SUBTASK_FAILED");
    expect(outcome.partialResult?.results.research?.result).toBe("analyst ok");
  });

  it("falls back to a single subtask when the plan is not valid", async () => {
    const coordinator = new Agent({
      name: "coordinator",
      model: new ScriptedChatModel(() => "no json here"),
    });
    const worker = new Agent({ name: "solo", model: new ScriptedChatModel(() => "done") });
    const outcome = await new Workforce({ task: "Do it", coordinator, workers: [worker] }).run();
    expect(outcome.result?.plan).toEqual([{ id: "task", description: "Do it", dependsOn: [] }]);
  });

  it("resumes from its snapshot without redoing completed subtasks", async () => {
    const snapshotPath = join(mkdtempSync(join(tmpdir(), "workforce-")), "snapshot.json");
    let crash = true;
    const { coordinator, workers, models } = team((messages, name) =>
      crash && lastText(messages).includes("write the report") ? new Error("crash") : `${name} ok`,
    );
    const first = await new Workforce({
      task: "Build a trading bot",
      coordinator,
      workers,
      snapshotPath,
      maxRetries: 0,
      maxReplans: 0,
    }).run();
    expect(first.status).toBe("failed");
    crash = false;
    const callsBefore = [...models.values()].reduce((sum, model) => sum + model.calls.length, 0);
    const second = await new Workforce({
      task: "Build a trading bot",
      coordinator,
      workers,
      snapshotPath,
    }).run();
    const callsAfter = [...models.values()].reduce((sum, model) => sum + model.calls.length, 0);
    expect(second.status).toBe("completed");
    expect(second.result?.resumed.sort()).toEqual(["code", "research"]);
    expect(callsAfter - callsBefore).toBe(1);
  });
});
