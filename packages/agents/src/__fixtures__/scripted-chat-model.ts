import type { BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  AIMessage,
  type AIMessageChunk,
  type BaseMessage,
  type UsageMetadata,
} from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { estimateMessagesTokens, estimateTokens, messageText } from "../model/message-text.js";
import { type AgentApiKey, resolveTenant } from "../model/resolve-tenant.js";

/** What a scripted model answers: text, tool calls, or an error to throw. */
export type ScriptStep =
  | string
  | Error
  | { text?: string; toolCalls?: Array<{ name: string; args: Record<string, unknown> }> };

/** A recorded call: the messages and the tenant (fingerprint of `configurable.apiKey`). */
export interface ScriptedCall {
  messages: BaseMessage[];
  tenant: string;
}

/** A tiny deterministic chat model for unit tests: answers come from a function of the messages. */
export class ScriptedChatModel extends BaseChatModel {
  readonly model: string;
  readonly region: string;
  readonly calls: ScriptedCall[] = [];
  private readonly respond: (messages: BaseMessage[], index: number) => ScriptStep | Promise<ScriptStep>;
  private counter = 0;

  constructor(
    respond: (messages: BaseMessage[], index: number) => ScriptStep | Promise<ScriptStep>,
    fields: BaseChatModelParams & { model?: string; region?: string } = {},
  ) {
    super(fields);
    this.respond = respond;
    this.model = fields.model ?? "amazon.nova-lite-v1:0";
    this.region = fields.region ?? "us-east-1";
  }

  _llmType(): string {
    return "scripted";
  }

  override async invoke(...[input, options]: Parameters<BaseChatModel["invoke"]>): Promise<AIMessageChunk> {
    const configurable = options?.configurable as { apiKey?: AgentApiKey; api_key?: string } | undefined;
    const apiKey = configurable?.apiKey ?? configurable?.api_key;
    this.calls.push({ messages: input as BaseMessage[], tenant: resolveTenant(apiKey) });
    return super.invoke(input, options);
  }

  override bindTools(): ReturnType<NonNullable<BaseChatModel["bindTools"]>> {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const step = await this.respond(messages, this.counter++);
    if (step instanceof Error) throw step;
    const text = typeof step === "string" ? step : (step.text ?? "");
    const toolCalls = typeof step === "string" ? [] : (step.toolCalls ?? []);
    const input = estimateMessagesTokens(messages);
    const output = estimateTokens(text) + 1;
    const fields = {
      content: text,
      tool_calls: toolCalls.map((call, index) => ({
        ...call,
        id: `call_${index}`,
        type: "tool_call" as const,
      })),
      usage_metadata: {
        input_tokens: input,
        output_tokens: output,
        total_tokens: input + output,
      } satisfies UsageMetadata,
    };
    const message = new AIMessage(fields as unknown as ConstructorParameters<typeof AIMessage>[0]);
    return { generations: [{ text: messageText(message), message }] };
  }
}

/** A throttling error shaped like the AWS SDK's. */
export function throttlingError(): Error {
  return Object.assign(new Error("Too many requests, please wait before trying again."), {
    name: "ThrottlingException",
    $metadata: { httpStatusCode: 429 },
  });
}
