import { RunnableLambda } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { convertToolChoice } from "./convert-tool-choice.js";
import { convertTools } from "./convert-tools.js";

const weather = tool(async ({ city }) => `sunny in ${city}`, {
  name: "get_weather",
  description: "Weather for a city",
  schema: z.object({ city: z.string().describe("City name") }),
});

describe("convertTools", () => {
  it("converts LangChain, OpenAI, Anthropic, JSON-schema, runnable tool-likes and raw toolSpecs", () => {
    const runnable = RunnableLambda.from(async (input: { n: number }) => input.n * 2).asTool({
      name: "double",
      description: "Doubles n",
      schema: z.object({ n: z.number() }),
    });
    const tools = convertTools([
      weather,
      {
        type: "function",
        function: {
          name: "add",
          description: "Add",
          parameters: { type: "object", properties: { a: { type: "number" } } },
        },
      },
      {
        name: "lookup",
        description: "Look up",
        input_schema: { type: "object", properties: { q: { type: "string" } } },
      },
      {
        name: "search",
        description: "Search",
        schema: { type: "object", properties: { q: { type: "string" } } },
      },
      runnable,
      { toolSpec: { name: "raw", inputSchema: { json: { type: "object" } } } },
    ]);
    expect(tools.map((entry) => entry.toolSpec?.name)).toEqual([
      "get_weather",
      "add",
      "lookup",
      "search",
      "double",
      "raw",
    ]);
    const json = tools[0]?.toolSpec?.inputSchema?.json as Record<string, unknown>;
    expect(json.type).toBe("object");
    expect(json.$schema).toBeUndefined();
    expect((json.properties as Record<string, { description?: string }>).city?.description).toBe("City name");
  });

  it("sets strict when asked", () => {
    expect(convertTools([weather], { strict: true })[0]?.toolSpec?.strict).toBe(true);
  });

  it("rejects invalid tool names with a typed error", () => {
    expect(() =>
      convertTools([{ type: "function", function: { name: "bad name!", parameters: {} } }]),
    ).toThrowError(expect.objectContaining({ code: "INVALID_TOOL" }));
  });
});

describe("convertToolChoice", () => {
  const tools = convertTools([weather]);
  const all = ["auto", "any", "tool"] as const;
  it("maps auto, any, required, a name and object forms", () => {
    expect(convertToolChoice("auto", tools, all, "m").toolChoice).toEqual({ auto: {} });
    expect(convertToolChoice("any", tools, all, "m").toolChoice).toEqual({ any: {} });
    expect(convertToolChoice("required", tools, all, "m").toolChoice).toEqual({ any: {} });
    expect(convertToolChoice("get_weather", tools, all, "m").toolChoice).toEqual({
      tool: { name: "get_weather" },
    });
    expect(
      convertToolChoice({ type: "function", function: { name: "get_weather" } }, tools, all, "m").toolChoice,
    ).toEqual({
      tool: { name: "get_weather" },
    });
    expect(convertToolChoice("none", tools, all, "m").disableTools).toBe(true);
  });

  it("degrades with a warning when the model cannot take the choice", () => {
    const decision = convertToolChoice("any", tools, ["auto"], "meta.llama3-1-8b-instruct-v1:0");
    expect(decision.toolChoice).toBeUndefined();
    expect(decision.warning).toContain("meta.llama3-1-8b-instruct-v1:0");
  });

  it("rejects a tool name that is not bound", () => {
    const error = (() => {
      try {
        convertToolChoice("nope", tools, all, "m");
      } catch (caught) {
        return caught;
      }
    })();
    expect(ChatBedrockKeyError.isInstance(error)).toBe(true);
  });
});
