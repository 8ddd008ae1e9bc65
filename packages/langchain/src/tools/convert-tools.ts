import type { Tool } from "@aws-sdk/client-bedrock-runtime";
import type { BindToolsInput } from "@langchain/core/language_models/chat_models";
import { isLangChainTool } from "@langchain/core/utils/function_calling";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { isInteropZodSchema } from "@langchain/core/utils/types";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";

type Json = Record<string, unknown>;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Converts tools to Converse `toolConfig.tools`: LangChain tools (`tool()`, `StructuredTool`, runnable
 * `asTool()`), `{ name, description, schema }` params with zod or JSON schemas, OpenAI-format function tools,
 * Anthropic-format `{ name, input_schema }` tools, and Converse `{ toolSpec }` / `{ cachePoint }` entries.
 * With `strict`, each tool spec asks Bedrock for schema-exact arguments (OpenAI tools may set it per tool).
 *
 * @example
 * ```ts
 * convertTools([{ type: "function", function: { name: "add", parameters: { type: "object", properties: {} } } }])
 * // => [{ toolSpec: { name: "add", inputSchema: { json: { type: "object", properties: {} } } } }]
 * ```
 */
export function convertTools(tools: readonly BindToolsInput[], options: { strict?: boolean } = {}): Tool[] {
  return tools.map((tool, index) => convertTool(tool, index, options.strict));
}

function convertTool(tool: BindToolsInput, index: number, strict: boolean | undefined): Tool {
  const value = tool as Json;
  if (typeof value !== "object" || value === null) throw invalid(index, "it is not an object");
  if ("toolSpec" in value || "cachePoint" in value) return value as unknown as Tool;
  if (value.type === "function" && typeof value.function === "object" && value.function !== null) {
    const fn = value.function as Json;
    const toolStrict = typeof fn.strict === "boolean" ? fn.strict : strict;
    return spec(
      index,
      fn.name,
      fn.description,
      fn.parameters ?? { type: "object", properties: {} },
      toolStrict,
    );
  }
  if (isLangChainTool(tool)) {
    return spec(index, tool.name, tool.description, tool.schema, strict);
  }
  if (
    typeof value.name === "string" &&
    ("input_schema" in value || "parameters" in value || "schema" in value)
  ) {
    return spec(
      index,
      value.name,
      value.description,
      value.input_schema ?? value.parameters ?? value.schema,
      strict,
    );
  }
  throw invalid(
    index,
    "it is not a LangChain tool, an OpenAI or Anthropic tool definition, or a Converse toolSpec",
  );
}

function spec(
  index: number,
  name: unknown,
  description: unknown,
  schema: unknown,
  strict: boolean | undefined,
): Tool {
  if (typeof name !== "string" || !TOOL_NAME.test(name)) {
    throw invalid(index, `its name must match [a-zA-Z0-9_-]{1,64}, got ${JSON.stringify(name)}`);
  }
  return {
    toolSpec: {
      name,
      ...(typeof description === "string" && description.length > 0 ? { description } : {}),
      inputSchema: { json: toInputSchema(schema) as never },
      ...(strict === undefined ? {} : { strict }),
    },
  };
}

/**
 * A plain JSON schema object for a zod (v3 or v4), Standard JSON Schema, or JSON schema input, without the
 * `$schema` marker, and with `type: "object"` at the top as Converse requires.
 *
 * @example
 * ```ts
 * toInputSchema(z.object({ city: z.string() })) // => { type: "object", properties: { city: { type: "string" } }, ... }
 * ```
 */
export function toInputSchema(schema: unknown): Json {
  let json: Json;
  if (isInteropZodSchema(schema)) json = toJsonSchema(schema) as Json;
  else if (typeof schema === "object" && schema !== null && "~standard" in schema) {
    json = toJsonSchema(schema as Parameters<typeof toJsonSchema>[0]) as Json;
  } else if (typeof schema === "object" && schema !== null) json = { ...(schema as Json) };
  else json = { type: "object", properties: {} };
  const { $schema: _ignored, ...rest } = json;
  return rest.type === undefined && rest.properties !== undefined ? { type: "object", ...rest } : rest;
}

function invalid(index: number, why: string): ChatBedrockKeyError {
  return new ChatBedrockKeyError("INVALID_TOOL", `Tool at index ${index} cannot be sent to Bedrock: ${why}.`);
}
