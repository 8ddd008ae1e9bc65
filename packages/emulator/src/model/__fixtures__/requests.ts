import { DEFAULT_MODELS } from "../catalog.js";
import type { Message, ModelInfo, ModelRequest, ToolSpec } from "../types.js";

export function modelById(modelId: string): ModelInfo {
  const model = DEFAULT_MODELS.find((entry) => entry.modelId === modelId);
  if (model === undefined) throw new Error(`no model ${modelId}`);
  return model;
}

export const HAIKU = modelById("anthropic.claude-3-5-haiku-20241022-v1:0");
export const SONNET_4 = modelById("anthropic.claude-sonnet-4-20250514-v1:0");

export function userText(text: string): Message {
  return { role: "user", content: [{ text }] };
}

export function assistantText(text: string): Message {
  return { role: "assistant", content: [{ text }] };
}

export function request(messages: Message[], extra: Partial<ModelRequest> = {}): ModelRequest {
  return { modelId: HAIKU.modelId, messages, ...extra };
}

export const WEATHER_TOOL: ToolSpec = {
  name: "get_weather",
  description: "Get the current weather for a city",
  inputSchema: {
    json: {
      type: "object",
      properties: {
        city: { type: "string", description: "City name" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

export const TIME_TOOL: ToolSpec = {
  name: "get_time",
  description: "Get the local time in a city",
  inputSchema: {
    json: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

export const CALCULATOR_TOOL: ToolSpec = {
  name: "calculator",
  description: "Evaluate an arithmetic expression",
  inputSchema: {
    json: {
      type: "object",
      properties: { expression: { type: "string" } },
      required: ["expression"],
      additionalProperties: false,
    },
  },
};

export const SEARCH_TOOL: ToolSpec = {
  name: "search_web",
  description: "Search the web for documents",
  inputSchema: {
    json: {
      type: "object",
      properties: { query: { type: "string" }, max_results: { type: "integer", minimum: 1, maximum: 10 } },
      required: ["query"],
    },
  },
};

export function tools(...specs: ToolSpec[]): NonNullable<ModelRequest["toolConfig"]> {
  return { tools: specs.map((toolSpec) => ({ toolSpec })) };
}

export const CAMEL_USER_SYSTEM =
  "Never forget you are a Stock Trader and I am a Python Programmer. Never flip roles! Never instruct me! " +
  "Here is the task: Develop a trading bot for the stock market. Never forget our task!\n" +
  "You must instruct me based on my expertise and your needs to solve the task ONLY in the following two ways:\n" +
  "Instruction: <YOUR_INSTRUCTION>\nInput: <YOUR_INPUT>\n" +
  "When the task is completed, you must only reply with a single word <CAMEL_TASK_DONE>.";

export const CAMEL_ASSISTANT_SYSTEM =
  "Never forget you are a Python Programmer and I am a Stock Trader. Never flip roles! Never instruct me! " +
  "Here is the task: Develop a trading bot for the stock market. I must give you one instruction at a time. " +
  "Unless I say the task is completed, you should always start with:\nSolution: <YOUR_SOLUTION>\n" +
  "Always end <YOUR_SOLUTION> with: Next request.";
