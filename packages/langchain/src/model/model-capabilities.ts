import type { ModelProfile } from "@langchain/core/language_models/profile";

/** The `tool_choice` kinds Converse knows: `auto`, `any` (call some tool), `tool` (call this tool). */
export type ToolChoiceKind = "auto" | "any" | "tool";

/** What a Bedrock model family can do, used for `profile` and for degrading tool choice. */
export interface ModelCapabilities {
  toolChoice: ToolChoiceKind[];
  profile: ModelProfile;
}

/**
 * Capabilities of a Bedrock model id (foundation model, inference profile such as `us.` / `global.`, or ARN),
 * from its family. Unknown families get a conservative profile: tool calling with `auto` only.
 *
 * @example
 * ```ts
 * modelCapabilities("us.anthropic.claude-sonnet-4-20250514-v1:0").profile.reasoningOutput // => true
 * modelCapabilities("meta.llama3-1-8b-instruct-v1:0").toolChoice // => ["auto"]
 * ```
 */
export function modelCapabilities(modelId: string): ModelCapabilities {
  const id = modelId.toLowerCase();
  const isClaude = id.includes("anthropic.claude");
  const isNova = id.includes("amazon.nova");
  const reasoning =
    isClaude && /claude-(3-7|sonnet-4|opus-4|haiku-4|sonnet-5|opus-5|haiku-5|4)/.test(id)
      ? true
      : id.includes("deepseek");
  if (isClaude || isNova) {
    // Text-only on Bedrock: Nova Micro, Claude 3.5 Haiku, Claude Instant / v2.
    const vision = !/nova-micro|claude-3-5-haiku|claude-instant|claude-v2/.test(id);
    return {
      toolChoice: ["auto", "any", "tool"],
      profile: {
        toolCalling: true,
        toolChoice: true,
        structuredOutput: true,
        imageInputs: vision,
        imageUrlInputs: vision,
        pdfInputs: vision,
        imageToolMessage: isClaude,
        pdfToolMessage: isClaude,
        reasoningOutput: reasoning,
        midConversationSystemMessages: false,
      },
    };
  }
  if (id.includes("mistral-large") || id.includes("pixtral")) {
    return {
      toolChoice: ["auto", "any"],
      profile: {
        toolCalling: true,
        toolChoice: true,
        structuredOutput: false,
        imageInputs: id.includes("pixtral"),
      },
    };
  }
  const vision = /llama3-2-(11|90)b|llama4/.test(id);
  return {
    toolChoice: ["auto"],
    profile: {
      toolCalling: !id.includes("titan-text"),
      toolChoice: false,
      structuredOutput: false,
      imageInputs: vision,
      reasoningOutput: reasoning,
    },
  };
}
