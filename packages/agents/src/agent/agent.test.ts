import { tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { RunEmitter } from "../events/run-emitter.js";
import { messageText } from "../model/message-text.js";
import { RunContext } from "../run/run-context.js";
import { Agent } from "./agent.js";

const canary = "ABSKQmVkcm9ja0FQSUtleS1DQU5BUlktYXQtMTIzNDU2Nzg5MDEyOmNhbmFyeS1zZWNyZXQ=";

function context(options: ConstructorParameters<typeof RunContext>[1] = {}) {
  const emitter = new RunEmitter();
  const events: string[] = [];
  emitter.subscribe((event) => events.push(JSON.stringify(event)));
  return { context: new RunContext(emitter, options), events };
}

describe("Agent", () => {
  it("runs requested tools in a loop bounded by maxToolRounds", async () => {
    const model = new ScriptedChatModel(() => ({
      text: "",
      toolCalls: [{ name: "add", args: { a: 1, b: 2 } }],
    }));
    const add = tool(async ({ a, b }) => String(a + b), {
      name: "add",
      description: "adds",
      schema: z.object({ a: z.number(), b: z.number() }),
    });
    const agent = new Agent({ name: "calc", model, tools: [add], maxToolRounds: 2 });
    const { context: run, events } = context();
    await agent.step("1+2?", run);
    expect(model.calls).toHaveLength(3);
    expect(events.filter((line) => line.includes('"type":"tool-end"'))).toHaveLength(2);
    const last = model.calls[2]?.messages.at(-1);
    expect(last?.type).toBe("tool");
    expect(last ? messageText(last) : "").toBe("3");
  });

  it("passes its key per call and reports only the fingerprint", async () => {
    const model = new ScriptedChatModel(() => "hello");
    const agent = new Agent({ name: "tenant-a", model, apiKey: canary });
    const { context: run, events } = context();
    await agent.step("hi", run);
    expect(model.calls[0]?.tenant).toBe(agent.tenant);
    expect(agent.tenant).toMatch(/^[0-9a-f]{8}$/);
    const everything = events.join("\n") + JSON.stringify(agent) + JSON.stringify(run.ledger.report());
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain("canary-secret");
    expect(everything).toContain(agent.tenant);
  });

  it("trims its memory window to the token budget", async () => {
    const model = new ScriptedChatModel(() => "x".repeat(400));
    const agent = new Agent({ name: "talker", model, memory: { maxTokens: 250 } });
    const { context: run } = context();
    for (let turn = 0; turn < 5; turn++) await agent.step(`question ${turn} ${"y".repeat(200)}`, run);
    expect(agent.history).toHaveLength(10);
    const sent = model.calls[4]?.messages ?? [];
    expect(sent.length).toBeLessThan(10);
    expect(sent[0]?.type).toBe("human");
    expect(messageText(sent.at(-1)!)).toContain("question 4");
  });

  it("lets beforeModelCall rewrite the request and beforeToolCall cancel a tool", async () => {
    const model = new ScriptedChatModel((messages, index) =>
      index === 0 ? { toolCalls: [{ name: "danger", args: {} }] } : `saw: ${messageText(messages.at(-1)!)}`,
    );
    const danger = tool(async () => "boom", { name: "danger", description: "d", schema: z.object({}) });
    const agent = new Agent({ name: "guarded", model, tools: [danger] });
    const { context: run } = context({
      hooks: {
        beforeToolCall: () => ({ cancel: true, result: "denied by policy" }),
        beforeModelCall: ({ messages }) => ({ messages: [...messages] }),
      },
    });
    const reply = await agent.step("go", run);
    expect(reply.content).toBe("saw: denied by policy");
  });
});
