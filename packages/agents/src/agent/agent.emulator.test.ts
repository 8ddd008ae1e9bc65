import { tool } from "@langchain/core/tools";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { emulatorFixture, modelId } from "../__fixtures__/emulator-fixture.js";
import { RunEmitter } from "../events/run-emitter.js";
import { RunContext } from "../run/run-context.js";
import { Agent } from "./agent.js";

let fixture: Awaited<ReturnType<typeof emulatorFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("Agent against the emulator", () => {
  it("streams tokens over ConverseStream and settles usage from the stream", async () => {
    fixture = await emulatorFixture();
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    const emitter = new RunEmitter();
    const tokens: string[] = [];
    emitter.on("token", (event) => tokens.push(event.text));
    const context = new RunContext(emitter, {});
    const agent = new Agent({ name: "streamer", model: fixture.model(), apiKey, stream: true });
    const reply = await agent.step("Explain momentum trading in two sentences.", context);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join("")).toBe(reply.content);
    const [entry] = fixture.emulator.audit();
    expect(entry?.operation).toBe("ConverseStream");
    expect(reply.usage.outputTokens).toBe(entry?.outputTokens);
  });

  it("runs a tool the model calls and answers from its result", async () => {
    fixture = await emulatorFixture();
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    fixture.emulator.script(modelId, [
      { toolCalls: [{ name: "quote", input: { symbol: "AAPL" } }] },
      { text: "AAPL is 123.45." },
    ]);
    const quote = tool(async ({ symbol }) => `${symbol}: 123.45`, {
      name: "quote",
      description: "latest price of a stock",
      schema: z.object({ symbol: z.string() }),
    });
    const emitter = new RunEmitter();
    const tools: string[] = [];
    emitter.on("tool-end", (event) => tools.push(`${event.tool} -> ${event.output}`));
    const agent = new Agent({ name: "quoter", model: fixture.model(), apiKey, tools: [quote] });
    const reply = await agent.step("What is AAPL trading at?", new RunContext(emitter, {}));
    expect(tools).toEqual(["quote -> AAPL: 123.45"]);
    expect(reply.content).toBe("AAPL is 123.45.");
    expect(fixture.emulator.audit()).toHaveLength(2);
  });
});
