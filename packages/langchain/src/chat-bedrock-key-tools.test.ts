import {
  AIMessage,
  type AIMessageChunk,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import { RunnableLambda } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { HAIKU, LLAMA, startTestEmulator } from "./__fixtures__/emulator-model.js";

let harness: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  harness = await startTestEmulator();
});
afterAll(async () => {
  await harness.close();
});

const getWeather = tool(async ({ city }) => `18°C and sunny in ${city}`, {
  name: "get_weather",
  description: "Get the current weather for a city",
  schema: z.object({ city: z.string().describe("The city name") }),
});
const getTime = tool(async ({ zone }) => `12:00 in ${zone}`, {
  name: "get_time",
  description: "Get the current time in a time zone",
  schema: z.object({ zone: z.string() }),
});

describe("ChatBedrockKey tools", () => {
  it("calls a bound LangChain tool with schema-valid arguments", async () => {
    const reply = await harness.model().bindTools([getWeather]).invoke("What is the weather in Paris?");
    expect(reply.tool_calls?.[0]).toMatchObject({ name: "get_weather", type: "tool_call" });
    expect(typeof reply.tool_calls?.[0]?.args.city).toBe("string");
    expect(reply.tool_calls?.[0]?.id).toBeTruthy();
    expect(reply.response_metadata.stopReason).toBe("tool_use");
  });

  it("accepts OpenAI-format tools and runnable tool-likes", async () => {
    const openAiTool = {
      type: "function" as const,
      function: {
        name: "add_numbers",
        description: "Add two numbers",
        parameters: {
          type: "object",
          properties: { a: { type: "number" }, b: { type: "number" } },
          required: ["a", "b"],
        },
      },
    };
    const doubler = RunnableLambda.from(async (input: { n: number }) => input.n * 2).asTool({
      name: "double_number",
      description: "Double a number",
      schema: z.object({ n: z.number() }),
    });
    const model = harness.model().bindTools([openAiTool, doubler], { tool_choice: "add_numbers" });
    const reply = await model.invoke("Add 2 and 3");
    expect(reply.tool_calls?.[0]?.name).toBe("add_numbers");
    expect(typeof reply.tool_calls?.[0]?.args.a).toBe("number");
    const forced = await harness
      .model()
      .bindTools([openAiTool, doubler], { tool_choice: "double_number" })
      .invoke("Double 4");
    expect(forced.tool_calls?.[0]?.name).toBe("double_number");
  });

  it("handles complex schemas: nested objects, arrays, enums, optionals", async () => {
    const createOrder = tool(async () => "ok", {
      name: "create_order",
      description: "Create an order",
      schema: z.object({
        customer: z.object({ name: z.string(), email: z.string().optional() }),
        items: z.array(z.object({ sku: z.string(), quantity: z.number().int().min(1) })).min(1),
        priority: z.enum(["low", "normal", "high"]),
        notes: z.string().nullable().optional(),
      }),
    });
    const reply = await harness
      .model()
      .bindTools([createOrder], { tool_choice: "any" })
      .invoke("Order two widgets for Ada");
    const args = reply.tool_calls?.[0]?.args as {
      customer: { name: string };
      items: Array<{ quantity: number }>;
      priority: string;
    };
    expect(typeof args.customer.name).toBe("string");
    expect(Array.isArray(args.items)).toBe(true);
    expect(["low", "normal", "high"]).toContain(args.priority);
  });

  it("returns parallel tool calls", async () => {
    harness.emulator.script(HAIKU, [
      {
        toolCalls: [
          { name: "get_weather", input: { city: "Paris" }, toolUseId: "tooluse_a" },
          { name: "get_time", input: { zone: "CET" }, toolUseId: "tooluse_b" },
        ],
        text: "Checking both.",
      },
    ]);
    const reply = await harness.model().bindTools([getWeather, getTime]).invoke("Weather and time in Paris?");
    expect(reply.tool_calls).toEqual([
      { id: "tooluse_a", name: "get_weather", args: { city: "Paris" }, type: "tool_call" },
      { id: "tooluse_b", name: "get_time", args: { zone: "CET" }, type: "tool_call" },
    ]);
  });

  it("streams tool calls as tool_call_chunks with id, name and index", async () => {
    harness.emulator.script(HAIKU, [
      {
        toolCalls: [
          { name: "get_weather", input: { city: "Paris" }, toolUseId: "tooluse_s1" },
          { name: "get_time", input: { zone: "CET" }, toolUseId: "tooluse_s2" },
        ],
      },
    ]);
    const stream = await harness.model().bindTools([getWeather, getTime]).stream("Weather and time?");
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const starts = chunks.flatMap((chunk) => chunk.tool_call_chunks ?? []).filter((part) => part.name);
    expect(starts.map((part) => [part.id, part.name])).toEqual([
      ["tooluse_s1", "get_weather"],
      ["tooluse_s2", "get_time"],
    ]);
    expect(new Set(starts.map((part) => part.index)).size).toBe(2);
    const total = chunks.reduce((sum, chunk) => sum.concat(chunk));
    expect(total.tool_calls).toEqual([
      { id: "tooluse_s1", name: "get_weather", args: { city: "Paris" }, type: "tool_call" },
      { id: "tooluse_s2", name: "get_time", args: { zone: "CET" }, type: "tool_call" },
    ]);
  });

  it("continues tool histories with string and list content and error status", async () => {
    const history = [
      new HumanMessage("Weather and time in Paris?"),
      new AIMessage({
        content: [
          { type: "text", text: "Let me check both." },
          { type: "tool_use", id: "t1", name: "get_weather", input: { city: "Paris" } },
        ],
        tool_calls: [
          { id: "t1", name: "get_weather", args: { city: "Paris" } },
          { id: "t2", name: "get_time", args: { zone: "CET" } },
        ],
      }),
      new ToolMessage({ content: [{ type: "text", text: "18°C, sunny" }], tool_call_id: "t1" }),
      new ToolMessage({ content: "time service unavailable", tool_call_id: "t2", status: "error" }),
    ];
    const reply = await harness.model().bindTools([getWeather, getTime]).invoke(history);
    expect(String(reply.content)).toContain("get_time tool reported an error");
    expect(harness.emulator.audit().at(-1)?.status).toBe(200);
  });

  it("accepts few-shot structured examples (AI messages with text and tool calls)", async () => {
    const fewShot = [
      new SystemMessage("Extract people."),
      new HumanMessage("Alan is 41."),
      new AIMessage({
        content: [{ type: "text", text: "Extracting." }],
        tool_calls: [{ id: "ex1", name: "extract", args: { name: "Alan", age: 41 } }],
      }),
      new ToolMessage({ content: "You have correctly called this tool.", tool_call_id: "ex1" }),
      new AIMessage("Done."),
      new HumanMessage("Grace is 85."),
    ];
    const extractor = harness.model().withStructuredOutput(z.object({ name: z.string(), age: z.number() }), {
      name: "extract",
    });
    const result = await extractor.invoke(fewShot);
    expect(typeof result.name).toBe("string");
    expect(typeof result.age).toBe("number");
  });

  it("does structured output by function calling and by native JSON schema, with includeRaw", async () => {
    const person = z.object({ name: z.string(), age: z.number() }).describe("A person");
    const viaTools = await harness
      .model()
      .withStructuredOutput(person, { method: "functionCalling", includeRaw: true })
      .invoke("Ada is 36.");
    expect(typeof viaTools.parsed.name).toBe("string");
    expect((viaTools.raw as AIMessage).tool_calls?.[0]?.name).toBe("extract");

    harness.emulator.clearAudit();
    const viaSchema = await harness
      .model()
      .withStructuredOutput(person, { method: "jsonSchema", includeRaw: true })
      .invoke("Ada is 36.");
    expect(typeof viaSchema.parsed.age).toBe("number");
    expect(JSON.parse(String((viaSchema.raw as AIMessage).content))).toEqual(viaSchema.parsed);
    const plain = await harness
      .model()
      .withStructuredOutput(person, { method: "jsonSchema" })
      .invoke("Ada is 36.");
    expect(typeof plain.name).toBe("string");
  });

  it("sets ls_structured_output_format for tracing", async () => {
    const options: unknown[] = [];
    const person = z.object({ name: z.string() });
    await harness
      .model()
      .withStructuredOutput(person, { method: "jsonSchema" })
      .invoke("Ada", {
        callbacks: [
          {
            handleChatModelStart: (_llm, _messages, _runId, _parent, extra) =>
              void options.push(extra?.options),
          },
        ],
      });
    expect(options[0]).toMatchObject({ ls_structured_output_format: { kwargs: { method: "jsonSchema" } } });
  });

  it("degrades tool_choice with a warning for a model without tool choice", async () => {
    const warnings: string[] = [];
    const model = harness.model({ model: LLAMA, onWarning: (message) => warnings.push(message) });
    const reply = await model.bindTools([getWeather], { tool_choice: "any" }).invoke("Weather in Oslo?");
    expect(reply.response_metadata.model).toBe(LLAMA);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("tool_choice");
  });
});
