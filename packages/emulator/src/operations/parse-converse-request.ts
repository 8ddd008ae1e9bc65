import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ContentBlock, ModelInfo, ModelRequest } from "../model/types.js";
import { converseRequestSchema } from "./converse-request-schema.js";
import { formatValidationIssues } from "./format-validation-issues.js";

const MESSAGES = {
  firstUser:
    "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
  alternate:
    "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
  toolConfigRequired:
    "The toolConfig field must be defined when using toolUse and toolResult content blocks.",
} as const;

/**
 * Validates a Converse / ConverseStream body against the API's constraints and Bedrock's cross-field rules
 * (first message from the user, alternating roles, non-empty content, toolResult ids matching the previous
 * turn's toolUse ids, toolChoice support), and returns the model request. Throws a ValidationException with
 * Bedrock's kind of message otherwise.
 *
 * @example
 * ```ts
 * const request = parseConverseRequest({ messages: [{ role: "user", content: [{ text: "Hi" }] }] }, model);
 * ```
 */
export function parseConverseRequest(body: unknown, model: ModelInfo): ModelRequest {
  const parsed = converseRequestSchema.safeParse(body);
  if (!parsed.success) throw validation(formatValidationIssues(parsed.error.issues, body));
  const value = parsed.data;
  const messages = value.messages ?? [];
  if (messages[0]?.role !== "user") throw validation(MESSAGES.firstUser);
  let usesTools = false;
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index]!;
    if (index > 0 && messages[index - 1]!.role === message.role) throw validation(MESSAGES.alternate);
    if (message.content.length === 0) {
      throw validation(
        `The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`,
      );
    }
    const blocks = message.content as ContentBlock[];
    checkModalities(blocks, model);
    if (blocks.some((block) => "toolUse" in block || "toolResult" in block)) usesTools = true;
    if (message.role === "user" && index > 0)
      checkToolResults(blocks, messages[index - 1]!.content as ContentBlock[], index);
  }
  const toolConfig = value.toolConfig;
  if (usesTools && toolConfig === undefined) throw validation(MESSAGES.toolConfigRequired);
  if (toolConfig?.toolChoice !== undefined) {
    const choice = toolConfig.toolChoice;
    const kind = "any" in choice ? "any" : "tool" in choice ? "tool" : "auto";
    if (kind !== "auto" && !model.supportsToolChoice) {
      throw validation(
        `This model doesn't support the toolConfig.toolChoice.${kind} field. Remove toolConfig.toolChoice.${kind} and try again.`,
      );
    }
    if ("tool" in choice) {
      const wanted = (choice as { tool: { name: string } }).tool.name;
      const tools = toolConfig.tools as Array<{ toolSpec?: { name: string } }>;
      if (!tools.some((tool) => tool.toolSpec?.name === wanted)) {
        throw validation(
          `The tool ${wanted} named in toolConfig.toolChoice.tool isn't defined in toolConfig.tools.`,
        );
      }
    }
  }
  return {
    ...(value as Omit<ModelRequest, "modelId">),
    messages: messages as ModelRequest["messages"],
    modelId: model.modelId,
  };
}

function checkToolResults(blocks: ContentBlock[], previous: ContentBlock[], index: number): void {
  const resultIds = blocks.flatMap((block) => ("toolResult" in block ? [block.toolResult.toolUseId] : []));
  const useIds = previous.flatMap((block) => ("toolUse" in block ? [block.toolUse.toolUseId] : []));
  if (resultIds.length > useIds.length) {
    throw validation(
      `The number of toolResult blocks at messages.${index}.content exceeds the number of toolUse blocks of previous turn.`,
    );
  }
  const missing = useIds.filter((id) => !resultIds.includes(id));
  if (missing.length > 0) {
    throw validation(
      `Expected toolResult blocks at messages.${index}.content for the following Ids: ${missing.join(", ")}`,
    );
  }
}

const MODALITY_OF_BLOCK = { image: "IMAGE", video: "VIDEO" } as const;

function checkModalities(blocks: ContentBlock[], model: ModelInfo): void {
  for (const block of blocks) {
    for (const [name, modality] of Object.entries(MODALITY_OF_BLOCK)) {
      if (name in block && !model.inputModalities.includes(modality)) {
        throw validation(
          `This model doesn't support the ${name} content block that you provided. Try again with a model that supports ${name} input.`,
        );
      }
    }
  }
}

function validation(message: string): BedrockWireError {
  return new BedrockWireError("ValidationException", message);
}
