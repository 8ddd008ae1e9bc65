import type { ContentBlock, Message, SystemContentBlock } from "@aws-sdk/client-bedrock-runtime";
import {
  AIMessage,
  type BaseMessage,
  ChatMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { convertAiMessage } from "./convert-ai-message.js";
import { type ConversionContext, convertContentBlock, toCachePoint } from "./convert-content-block.js";
import { convertToolMessage } from "./convert-tool-message.js";
import type { FetchLike } from "./fetch-media.js";

/** Options of {@link convertToConverseMessages}. */
export interface ConvertMessagesOptions {
  /** Used to inline http(s) image and document URLs (Bedrock cannot fetch them). Default: global fetch. */
  fetch?: FetchLike;
  /** Largest downloaded image or document, in bytes. Default 3,750,000 (Bedrock's image limit). */
  maxMediaBytes?: number;
  signal?: AbortSignal;
}

/** The `messages` and `system` of a Converse request. */
export interface ConverseConversation {
  messages: Message[];
  system: SystemContentBlock[];
}

/** Bedrock's per-image limit: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageBlock.html */
export const DEFAULT_MAX_MEDIA_BYTES = 3_750_000;

/**
 * Converts LangChain messages to a Converse conversation: system messages (strings or text / cache-point blocks)
 * go to `system`; human, AI and tool messages become `user` / `assistant` messages; consecutive messages of the same
 * role are merged so that roles alternate as Bedrock requires (parallel tool results end up in one user turn).
 *
 * @example
 * ```ts
 * const { messages, system } = await convertToConverseMessages([new SystemMessage("Be brief."), new HumanMessage("Hi")]);
 * // system => [{ text: "Be brief." }], messages => [{ role: "user", content: [{ text: "Hi" }] }]
 * ```
 */
export async function convertToConverseMessages(
  input: BaseMessage[],
  options: ConvertMessagesOptions = {},
): Promise<ConverseConversation> {
  const context: ConversionContext = {
    maxMediaBytes: options.maxMediaBytes ?? DEFAULT_MAX_MEDIA_BYTES,
    documentCount: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const system: SystemContentBlock[] = [];
  const messages: Message[] = [];
  for (const message of input) {
    if (SystemMessage.isInstance(message) || message.type === "system" || message.type === "developer") {
      system.push(...convertSystem(message));
      continue;
    }
    const converted = await convertOne(message, context);
    if (!converted?.content || converted.content.length === 0) continue;
    const last = messages.at(-1);
    if (last && last.role === converted.role)
      last.content = mergeContent(last.content ?? [], converted.content);
    else messages.push(converted);
  }
  return { messages, system };
}

/** Concatenates two turns' content, dropping a toolUse whose id the turn already holds (Bedrock rejects repeats). */
function mergeContent(left: ContentBlock[], right: ContentBlock[]): ContentBlock[] {
  const seen = new Set(left.flatMap((block) => (block.toolUse?.toolUseId ? [block.toolUse.toolUseId] : [])));
  return [
    ...left,
    ...right.filter((block) => !block.toolUse?.toolUseId || !seen.has(block.toolUse.toolUseId)),
  ];
}

async function convertOne(message: BaseMessage, context: ConversionContext): Promise<Message | undefined> {
  if (AIMessage.isInstance(message)) return convertAiMessage(message);
  if (ToolMessage.isInstance(message)) return convertToolMessage(message, context);
  if (ChatMessage.isInstance(message) && ["assistant", "ai"].includes(message.role)) {
    return convertAiMessage(new AIMessage({ content: message.content }));
  }
  if (message.type === "human" || ChatMessage.isInstance(message) || message.type === "generic") {
    return { role: "user", content: await convertUserContent(message, context) };
  }
  throw new ChatBedrockKeyError(
    "UNSUPPORTED_CONTENT",
    `ChatBedrockKey cannot send a "${message.type}" message; use human, AI, system or tool messages.`,
  );
}

async function convertUserContent(message: BaseMessage, context: ConversionContext): Promise<ContentBlock[]> {
  const blocks: unknown[] = typeof message.content === "string" ? [message.content] : [...message.content];
  const content: ContentBlock[] = [];
  for (const block of blocks) {
    const converted = await convertContentBlock(block, context);
    if (converted) content.push(converted);
  }
  if (content.length === 0) {
    throw new ChatBedrockKeyError(
      "UNSUPPORTED_CONTENT",
      "A human message is empty; Bedrock rejects messages without content.",
    );
  }
  return content;
}

function convertSystem(message: BaseMessage): SystemContentBlock[] {
  if (typeof message.content === "string")
    return message.content.length > 0 ? [{ text: message.content }] : [];
  const system: SystemContentBlock[] = [];
  for (const block of message.content as unknown[]) {
    const cachePoint = toCachePoint(block);
    if (cachePoint) system.push(cachePoint);
    else if (typeof block === "string" && block.length > 0) system.push({ text: block });
    else if (isTextBlock(block)) {
      if (block.text.length > 0) system.push({ text: block.text });
    } else {
      throw new ChatBedrockKeyError(
        "UNSUPPORTED_CONTENT",
        "System message content must be a string or text and cache-point blocks.",
      );
    }
  }
  return system;
}

function isTextBlock(block: unknown): block is { type: "text"; text: string } {
  return (
    typeof block === "object" &&
    block !== null &&
    (block as { type?: unknown }).type === "text" &&
    typeof (block as { text?: unknown }).text === "string"
  );
}
