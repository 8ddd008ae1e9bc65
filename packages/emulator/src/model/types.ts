/**
 * The contract between the emulator's HTTP layer (server/, operations/) and its simulated model (model/).
 * The HTTP layer validates and parses the wire request into these shapes, calls the model, and encodes the result
 * (JSON or event stream). The model is pure and deterministic: same seed + same request => same output.
 */

/** A Converse content block as it appears on the wire (only the fields the model reads are typed). */
export type ContentBlock =
  | { text: string }
  | { image: { format: string; source: { bytes?: string; s3Location?: unknown } } }
  | { document: { format: string; name: string; source: { bytes?: string; text?: string } } }
  | { video: { format: string; source: unknown } }
  | { toolUse: { toolUseId: string; name: string; input: unknown } }
  | {
      toolResult: {
        toolUseId: string;
        content: Array<{ text?: string; json?: unknown; image?: unknown; document?: unknown }>;
        status?: "success" | "error";
      };
    }
  | { reasoningContent: { reasoningText?: { text: string; signature?: string }; redactedContent?: string } }
  | { cachePoint: { type: "default" } }
  | { guardContent: unknown };

export interface Message {
  role: "user" | "assistant";
  content: ContentBlock[];
}

export type SystemBlock = { text: string } | { cachePoint: { type: "default" } } | { guardContent: unknown };

export interface ToolSpec {
  name: string;
  description?: string;
  inputSchema: { json: Record<string, unknown> };
}

export type ToolChoice =
  | { auto: Record<string, never> }
  | { any: Record<string, never> }
  | { tool: { name: string } };

/** A parsed, validated Converse / ConverseStream request body plus the resolved model. */
export interface ModelRequest {
  /** The canonical foundation model id after resolving profiles and ARNs, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`. */
  modelId: string;
  messages: Message[];
  system?: SystemBlock[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: { tools: Array<{ toolSpec: ToolSpec } | { cachePoint: unknown }>; toolChoice?: ToolChoice };
  additionalModelRequestFields?: Record<string, unknown>;
  outputConfig?: {
    textFormat?: { type: "json_schema"; structure: { jsonSchema: { schema: string; name?: string } } };
  };
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

export type StopReason =
  | "end_turn"
  | "tool_use"
  | "max_tokens"
  | "stop_sequence"
  | "guardrail_intervened"
  | "content_filtered"
  | "malformed_model_output"
  | "malformed_tool_use"
  | "model_context_window_exceeded";

/** What the model produced: assistant content blocks (text, toolUse, reasoningContent), stop reason and usage. */
export interface ModelOutput {
  content: ContentBlock[];
  stopReason: StopReason;
  usage: Usage;
  /** The stop sequence that ended the text when `stopReason` is `"stop_sequence"` (Anthropic's `stop_sequence`). */
  stopSequence?: string;
}

/** A foundation model the emulator knows. */
export interface ModelInfo {
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  responseStreamingSupported: boolean;
  /** "TEXT" models answer Converse; "EMBEDDING" models answer InvokeModel with vectors. */
  kind: "text" | "embedding";
  /** Embedding dimension for embedding models. */
  dimensions?: number;
  /** Whether the model accepts toolChoice any/tool (some do not, e.g. older Llama or Titan text). */
  supportsToolChoice: boolean;
  supportsReasoning: boolean;
  /** ListFoundationModels' `inferenceTypesSupported`; defaults to `["ON_DEMAND"]`. */
  inferenceTypesSupported?: string[];
}
