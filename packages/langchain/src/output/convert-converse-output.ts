import type { ContentBlock, ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import { AIMessage, type AIMessageFields, type ToolCall } from "@langchain/core/messages";

type LangChainBlock = { type: string; [key: string]: unknown };

import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { convertUsage } from "./convert-usage.js";
import { mapStopReason } from "./map-stop-reason.js";

/**
 * Converts a Converse response to an `AIMessage`: a single text block becomes string content; reasoning (with its
 * signature), text and other blocks become list content; tool uses become `tool_calls`. `response_metadata` holds
 * `model`, `model_provider: "bedrock-converse"`, `stopReason`, `finish_reason`, `requestId` and `metrics`.
 *
 * @example
 * ```ts
 * const message = convertConverseOutput(await client.send(new ConverseCommand(request)), "amazon.nova-lite-v1:0");
 * message.response_metadata.requestId // => "8f3c…"
 * ```
 */
export function convertConverseOutput(response: ConverseCommandOutput, model: string): AIMessage {
  const blocks = response.output?.message?.content;
  if (!blocks) {
    throw new ChatBedrockKeyError("EMPTY_RESPONSE", "Bedrock returned no message; try the request again.");
  }
  const content: LangChainBlock[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of blocks) {
    const converted = convertOutputBlock(block);
    if (converted === undefined) continue;
    if ("toolCall" in converted) toolCalls.push(converted.toolCall as ToolCall);
    else content.push(converted as LangChainBlock);
  }
  const requestId = response.$metadata?.requestId;
  const onlyText = content.length === 1 && content[0]?.type === "text" ? String(content[0].text) : undefined;
  const usage = convertUsage(response.usage);
  const fields = {
    content: onlyText ?? (content.length === 0 ? "" : (content as unknown as AIMessage["content"])),
    tool_calls: toolCalls,
    ...(usage ? { usage_metadata: usage } : {}),
    ...(requestId ? { id: requestId } : {}),
    response_metadata: {
      model,
      model_name: model,
      model_provider: "bedrock-converse",
      stopReason: response.stopReason,
      finish_reason: mapStopReason(response.stopReason),
      ...(requestId ? { requestId } : {}),
      ...(response.metrics ? { metrics: response.metrics } : {}),
      ...(response.usage ? { usage: response.usage } : {}),
      ...(response.additionalModelResponseFields
        ? { additionalModelResponseFields: response.additionalModelResponseFields }
        : {}),
      ...(response.trace ? { trace: response.trace } : {}),
    },
  };
  return new AIMessage(fields as unknown as AIMessageFields);
}

function convertOutputBlock(block: ContentBlock): LangChainBlock | { toolCall: ToolCall } | undefined {
  if (typeof block.text === "string") return { type: "text", text: block.text };
  if (block.toolUse) {
    const input = block.toolUse.input;
    return {
      toolCall: {
        id: block.toolUse.toolUseId ?? "",
        name: block.toolUse.name ?? "",
        args:
          typeof input === "object" && input !== null && !Array.isArray(input)
            ? (input as Record<string, unknown>)
            : {},
        type: "tool_call",
      },
    };
  }
  if (block.reasoningContent) {
    const reasoning = block.reasoningContent;
    if (reasoning.reasoningText) {
      const { text, signature } = reasoning.reasoningText;
      return { type: "reasoning", reasoning: text ?? "", ...(signature ? { signature } : {}) };
    }
    if (reasoning.redactedContent) {
      return {
        type: "reasoning",
        reasoning: "",
        redactedContent: Buffer.from(reasoning.redactedContent).toString("base64"),
      };
    }
    return undefined;
  }
  if (block.citationsContent) return { type: "citations_content", citationsContent: block.citationsContent };
  if (block.image) return { type: "image", image: block.image };
  if (block.document) return { type: "document", document: block.document };
  return undefined;
}
