import type {
  BedrockRuntimeClient,
  GuardrailConfiguration,
  PerformanceConfiguration,
} from "@aws-sdk/client-bedrock-runtime";
import type { BedrockApiKey, CreateBedrockRuntimeClientOptions } from "@bedrock-keys/credentials";
import type {
  BaseChatModelCallOptions,
  BaseChatModelParams,
  BindToolsInput,
} from "@langchain/core/language_models/chat_models";
import type { TokenProvider } from "./auth/call-credentials.js";
import type { CacheControl } from "./messages/apply-cache-control.js";
import type { FetchLike } from "./messages/fetch-media.js";
import type { ToolChoiceKind } from "./model/model-capabilities.js";
import type { RetryBackoff } from "./retry/bedrock-retry-caller.js";

/** Extended thinking: a token budget (Anthropic models) or an effort (Amazon Nova and others). */
export interface ReasoningOptions {
  budgetTokens?: number;
  effort?: "low" | "medium" | "high";
}

/** Constructor options of {@link ChatBedrockKey}. */
export interface ChatBedrockKeyFields extends BaseChatModelParams {
  /** Model id, inference profile (`us.…`, `global.…`) or ARN. */
  model: string;
  /** The key used when a call brings none. Wins over `AWS_BEARER_TOKEN_BEDROCK`. */
  apiKey?: string | BedrockApiKey | undefined;
  /** A token provider (e.g. refreshing short-term keys) used when a call brings none. */
  tokenProvider?: TokenProvider | undefined;
  /** Region; defaults to the key's own region (short-term keys), then `AWS_REGION` / `AWS_DEFAULT_REGION`. */
  region?: string;
  /** Endpoint URL, e.g. the emulator's `http://127.0.0.1:4010`. */
  endpoint?: string;
  /** A ready client, used (with its own auth) for calls that bring no key when the model has no `apiKey`. */
  client?: BedrockRuntimeClient;
  /** Extra options for the clients this model builds (they always make a single attempt: retries are ours). */
  clientOptions?: Omit<
    CreateBedrockRuntimeClientOptions,
    "apiKey" | "tokenProvider" | "region" | "endpoint" | "env"
  >;
  /** Where `AWS_BEARER_TOKEN_BEDROCK` and `AWS_REGION` are read; default `process.env`. Never written. */
  env?: Record<string, string | undefined>;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stopSequences?: string[];
  additionalModelRequestFields?: Record<string, unknown>;
  guardrailConfig?: GuardrailConfiguration;
  performanceConfig?: PerformanceConfiguration;
  serviceTier?: "priority" | "default" | "flex" | "reserved";
  requestMetadata?: Record<string, string>;
  reasoning?: ReasoningOptions;
  /** Make `invoke` use ConverseStream under the hood. */
  streaming?: boolean;
  /** Report `usage_metadata` on the last streamed chunk (default true). */
  streamUsage?: boolean;
  /** Retries of throttled and transient failures (LangChain's `maxRetries`; default 2). */
  maxRetries?: number;
  /** Backoff between retries; throttling waits longer. */
  retryBackoff?: RetryBackoff;
  /** Per-call deadline in milliseconds. */
  timeout?: number;
  /** Override the tool choices the model accepts (inferred from the model family). */
  supportsToolChoiceValues?: ToolChoiceKind[];
  /** Largest image or document downloaded from an http(s) URL, in bytes (default 3,750,000). */
  maxMediaBytes?: number;
  /** Used to download http(s) images and documents; default global `fetch`. */
  fetch?: FetchLike;
  /** Most clients (one per key fingerprint and region) kept open; the least recently used is closed. Default 256 (an SDK client is small; a pool smaller than the tenants in flight rebuilds clients all the time). */
  maxClients?: number;
  /** Receives warnings (e.g. a degraded tool choice). Default `console.warn`. */
  onWarning?: (message: string) => void;
}

/** A `response_format` as createAgent and OpenAI-style callers pass it. */
export interface ResponseFormat {
  type: "json_schema";
  json_schema: { name?: string; description?: string; schema: unknown; strict?: boolean };
}

/** Per-call options of {@link ChatBedrockKey} (besides `configurable.apiKey` / `configurable.tokenProvider`). */
export interface ChatBedrockKeyCallOptions extends BaseChatModelCallOptions {
  tools?: BindToolsInput[];
  strict?: boolean;
  response_format?: ResponseFormat;
  /** Set by LangChain's Bedrock prompt-caching middleware: cache system, tools and the conversation so far. */
  cache_control?: CacheControl;
  requestMetadata?: Record<string, string>;
  performanceConfig?: PerformanceConfiguration;
  serviceTier?: "priority" | "default" | "flex" | "reserved";
  guardrailConfig?: GuardrailConfiguration;
  additionalModelRequestFields?: Record<string, unknown>;
  streamUsage?: boolean;
}
