import { convertAnthropicContent } from "./convert-anthropic-content.js";
import { ModelInputError } from "./model-input-error.js";
import type { Message, ModelRequest, SystemBlock, ToolChoice } from "./types.js";
import { expectType, isObject, type Json, malformed } from "./validate-json-body.js";

const ALLOWED_KEYS = new Set([
  "anthropic_version",
  "anthropic_beta",
  "max_tokens",
  "system",
  "messages",
  "temperature",
  "top_p",
  "top_k",
  "stop_sequences",
  "tools",
  "tool_choice",
  "thinking",
  "metadata",
]);

function convertToolChoice(choice: Json): ToolChoice | "none" {
  if (choice.type === "any") return { any: {} };
  if (choice.type === "tool") {
    expectType(choice.name, "String", "#/tool_choice/name");
    return { tool: { name: choice.name as string } };
  }
  if (choice.type === "none") return "none";
  return { auto: {} };
}

/**
 * Parses an Anthropic Messages body as sent to InvokeModel for a Claude model into the model's request shape.
 * Throws {@link ModelInputError} with Bedrock's wording ("Malformed input request: #: required key [max_tokens]
 * not found, please reformat your input and try again.") for invalid bodies.
 *
 * @example
 * ```ts
 * const request = fromAnthropicMessagesBody(
 *   { anthropic_version: "bedrock-2023-05-31", max_tokens: 256, messages: [{ role: "user", content: "Hi" }] },
 *   "anthropic.claude-3-5-haiku-20241022-v1:0",
 * );
 * ```
 */
export function fromAnthropicMessagesBody(body: unknown, modelId: string): ModelRequest {
  if (!isObject(body))
    throw malformed(
      "#: expected type: JSONObject, found: " + (Array.isArray(body) ? "JSONArray" : typeof body),
    );
  for (const key of ["anthropic_version", "max_tokens", "messages"]) {
    if (!(key in body)) throw malformed(`#: required key [${key}] not found`);
  }
  for (const key of Object.keys(body)) {
    if (!ALLOWED_KEYS.has(key)) throw malformed(`#: extraneous key [${key}] is not permitted`);
  }
  expectType(body.anthropic_version, "String", "#/anthropic_version");
  expectType(body.max_tokens, "Integer", "#/max_tokens");
  expectType(body.messages, "JSONArray", "#/messages");
  const maxTokens = body.max_tokens as number;
  if (maxTokens < 1) throw new ModelInputError("max_tokens: range: 1..");
  const messages: Message[] = (body.messages as unknown[]).map((message, index) => {
    if (!isObject(message)) throw malformed(`#/messages/${index}: expected type: JSONObject`);
    if (message.role !== "user" && message.role !== "assistant") {
      throw malformed(`#/messages/${index}/role: ${JSON.stringify(message.role)} is not a valid enum value`);
    }
    return {
      role: message.role,
      content: convertAnthropicContent(message.content, `#/messages/${index}/content`),
    };
  });
  if (messages.length > 0 && messages[0]?.role !== "user") {
    throw new ModelInputError('messages: first message must use the "user" role');
  }
  const request: ModelRequest = { modelId, messages, inferenceConfig: { maxTokens } };
  const inference = request.inferenceConfig as NonNullable<ModelRequest["inferenceConfig"]>;
  if (body.temperature !== undefined) {
    expectType(body.temperature, "Number", "#/temperature");
    if ((body.temperature as number) < 0 || (body.temperature as number) > 1)
      throw new ModelInputError("temperature: range: 0..1");
    inference.temperature = body.temperature as number;
  }
  if (body.top_p !== undefined) {
    expectType(body.top_p, "Number", "#/top_p");
    inference.topP = body.top_p as number;
  }
  if (body.stop_sequences !== undefined) {
    expectType(body.stop_sequences, "JSONArray", "#/stop_sequences");
    inference.stopSequences = (body.stop_sequences as unknown[]).map(String);
  }
  if (body.system !== undefined) {
    request.system =
      typeof body.system === "string"
        ? [{ text: body.system }]
        : (convertAnthropicContent(body.system, "#/system") as SystemBlock[]);
  }
  const additional: Json = {};
  if (body.thinking !== undefined) additional.thinking = body.thinking;
  if (body.top_k !== undefined) additional.top_k = body.top_k;
  if (Object.keys(additional).length > 0) request.additionalModelRequestFields = additional;
  const choice = isObject(body.tool_choice) ? convertToolChoice(body.tool_choice) : undefined;
  if (body.tools !== undefined && choice !== "none") {
    expectType(body.tools, "JSONArray", "#/tools");
    const tools: NonNullable<ModelRequest["toolConfig"]>["tools"] = [];
    (body.tools as unknown[]).forEach((tool, index) => {
      if (!isObject(tool)) throw malformed(`#/tools/${index}: expected type: JSONObject`);
      expectType(tool.name, "String", `#/tools/${index}/name`);
      // Anthropic's server tools (bash, text editor…) have a type and no input_schema; the emulator cannot run them.
      if (!isObject(tool.input_schema)) return;
      const spec = { name: tool.name as string, inputSchema: { json: tool.input_schema } };
      tools.push({
        toolSpec: typeof tool.description === "string" ? { ...spec, description: tool.description } : spec,
      });
      if (isObject(tool.cache_control)) tools.push({ cachePoint: { type: "default" } });
    });
    if (tools.length > 0)
      request.toolConfig = choice === undefined ? { tools } : { tools, toolChoice: choice };
  }
  return request;
}
