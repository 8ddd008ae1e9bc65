import type {
  BaseLanguageModelInput,
  StructuredOutputMethodOptions,
} from "@langchain/core/language_models/base";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  assembleStructuredOutputPipeline,
  createContentParser,
  createFunctionCallingParser,
} from "@langchain/core/language_models/structured_output";
import type { BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import { getSchemaDescription, isInteropZodSchema } from "@langchain/core/utils/types";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { toInputSchema } from "../tools/convert-tools.js";

// biome-ignore lint/suspicious/noExplicitAny: matches BaseChatModel.withStructuredOutput
type AnyRecord = Record<string, any>;

/**
 * Builds `withStructuredOutput` for a Converse chat model. `functionCalling` (default) forces a tool call whose
 * arguments are the result; `jsonSchema` uses Converse's native `outputConfig.textFormat` so the model's text is
 * the JSON document. Zod schemas validate the result; `includeRaw` returns `{ raw, parsed }` (parsed is null when
 * parsing fails). Both set `ls_structured_output_format` for LangSmith.
 *
 * @example
 * ```ts
 * const extractor = buildStructuredOutput(model, z.object({ name: z.string() }), { method: "jsonSchema" });
 * await extractor.invoke("My name is Ada."); // => { name: "Ada" }
 * ```
 */
export function buildStructuredOutput<RunOutput extends AnyRecord>(
  model: BaseChatModel,
  schema: unknown,
  config: StructuredOutputMethodOptions<boolean>,
):
  | Runnable<BaseLanguageModelInput, RunOutput>
  | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }> {
  const method = config.method === "jsonMode" ? "jsonSchema" : (config.method ?? "functionCalling");
  if (method !== "functionCalling" && method !== "jsonSchema") {
    throw new ChatBedrockKeyError(
      "INVALID_OPTIONS",
      `Unknown structured output method "${String(config.method)}".`,
    );
  }
  const { name, description, jsonSchema } = describeSchema(schema, config.name);
  const lsFormat = { kwargs: { method }, schema: jsonSchema };
  const strict = config.strict === undefined ? {} : { strict: config.strict };
  const includeRaw = config.includeRaw === true;
  const runName = includeRaw ? "StructuredOutputRunnable" : "StructuredOutput";
  const parserSchema = (
    isInteropZodSchema(schema) || isStandardSchema(schema) ? schema : jsonSchema
  ) as AnyRecord;
  if (method === "jsonSchema") {
    const llm = model.withConfig({
      response_format: {
        type: "json_schema",
        json_schema: { name, description, schema: jsonSchema, ...strict },
      },
      ls_structured_output_format: lsFormat,
    } as never);
    return assembleStructuredOutputPipeline(
      llm,
      createContentParser<RunOutput>(parserSchema as never),
      includeRaw,
      runName,
    ) as never;
  }
  if (!model.bindTools) throw new ChatBedrockKeyError("INVALID_OPTIONS", "This model cannot bind tools.");
  const tool = { type: "function", function: { name, description, parameters: jsonSchema, ...strict } };
  const llm = model.bindTools([tool], {
    tool_choice: name,
    ls_structured_output_format: lsFormat,
    ...strict,
  } as never);
  const parser = createFunctionCallingParser<RunOutput>(parserSchema as never, name);
  return assembleStructuredOutputPipeline(llm, parser as never, includeRaw, runName) as never;
}

function describeSchema(schema: unknown, explicitName: string | undefined) {
  const value = (schema ?? {}) as AnyRecord;
  // An OpenAI-style function definition: { name, description, parameters }.
  if (!isInteropZodSchema(schema) && typeof value.name === "string" && typeof value.parameters === "object") {
    return {
      name: sanitizeName(explicitName ?? value.name),
      description: typeof value.description === "string" ? value.description : "Return the result.",
      jsonSchema: toInputSchema(value.parameters),
    };
  }
  const jsonSchema = toInputSchema(schema);
  const title = typeof jsonSchema.title === "string" ? jsonSchema.title : undefined;
  const description =
    getSchemaDescription(schema as never) ??
    (typeof jsonSchema.description === "string"
      ? jsonSchema.description
      : "Return the result in this format.");
  return { name: sanitizeName(explicitName ?? title ?? "extract"), description, jsonSchema };
}

function isStandardSchema(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null && "~standard" in schema;
}

function sanitizeName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64) || "extract";
}
