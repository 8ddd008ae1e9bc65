// biome-ignore-all lint/suspicious/noExplicitAny: withStructuredOutput overloads mirror BaseChatModel's
import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
  ConverseStreamCommand,
  type ConverseStreamCommandOutput,
  type Tool,
} from "@aws-sdk/client-bedrock-runtime";
import {
  type BedrockApiKey,
  createBedrockRuntimeClient,
  explainBedrockError,
  MissingApiKeyError,
} from "@bedrock-keys/credentials";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type {
  BaseLanguageModelInput,
  StructuredOutputMethodOptions,
} from "@langchain/core/language_models/base";
import {
  BaseChatModel,
  type BindToolsInput,
  type LangSmithParams,
} from "@langchain/core/language_models/chat_models";
import type { ModelProfile } from "@langchain/core/language_models/profile";
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import type { ChatGenerationChunk, ChatResult } from "@langchain/core/outputs";
import type { Runnable, RunnableConfig } from "@langchain/core/runnables";
import type { SerializableSchema } from "@langchain/core/utils/standard_schema";
import type { ZodV3Like, ZodV4Like } from "@langchain/core/utils/types";
import {
  attachCallCredential,
  type Credential,
  readCallCredential,
  type TokenProvider,
  toCredential,
  withoutCallCredential,
} from "./auth/call-credentials.js";
import { type ClientLease, ClientPool } from "./auth/client-pool.js";
import type {
  ChatBedrockKeyCallOptions,
  ChatBedrockKeyFields,
  ReasoningOptions,
} from "./chat-bedrock-key-options.js";
import { ChatBedrockKeyError } from "./errors/chat-bedrock-key-error.js";
import { applyCacheControl } from "./messages/apply-cache-control.js";
import {
  convertToConverseMessages,
  DEFAULT_MAX_MEDIA_BYTES,
} from "./messages/convert-to-converse-messages.js";
import type { FetchLike } from "./messages/fetch-media.js";
import { modelCapabilities, type ToolChoiceKind } from "./model/model-capabilities.js";
import { convertConverseOutput } from "./output/convert-converse-output.js";
import { streamToChunks } from "./output/stream-to-chunks.js";
import { BedrockRetryCaller } from "./retry/bedrock-retry-caller.js";
import { buildStructuredOutput } from "./structured-output/build-structured-output.js";
import { convertToolChoice } from "./tools/convert-tool-choice.js";
import { convertTools, toInputSchema } from "./tools/convert-tools.js";

type ConverseParams = Omit<ConverseCommandInput, "modelId" | "messages" | "system">;

const SERIALIZABLE_KEYS = [
  "model",
  "apiKey",
  "region",
  "endpoint",
  "temperature",
  "maxTokens",
  "topP",
  "stopSequences",
  "additionalModelRequestFields",
  "guardrailConfig",
  "performanceConfig",
  "serviceTier",
  "requestMetadata",
  "reasoning",
  "streaming",
  "streamUsage",
  "maxRetries",
  "timeout",
];

/**
 * A LangChain.js chat model for Amazon Bedrock (Converse / ConverseStream) that authenticates with Bedrock API
 * keys, and serves many tenants from one instance: each call may bring its own key in
 * `configurable.apiKey` (or a `configurable.tokenProvider`). Precedence: per-call key, then the constructor's
 * `apiKey` / `tokenProvider`, then an injected `client`, then `AWS_BEARER_TOKEN_BEDROCK`.
 *
 * @example
 * ```ts
 * const model = new ChatBedrockKey({ model: "us.anthropic.claude-3-5-haiku-20241022-v1:0", region: "us-east-1" });
 * const reply = await model.invoke("Hello!", { configurable: { apiKey: tenant.key } });
 * console.log(reply.content, reply.usage_metadata, reply.response_metadata.requestId);
 * ```
 */
export class ChatBedrockKey extends BaseChatModel<ChatBedrockKeyCallOptions, AIMessageChunk> {
  model: string;
  region: string | undefined;
  endpoint: string | undefined;
  temperature: number | undefined;
  maxTokens: number | undefined;
  topP: number | undefined;
  stopSequences: string[] | undefined;
  additionalModelRequestFields: Record<string, unknown> | undefined;
  guardrailConfig: ChatBedrockKeyFields["guardrailConfig"];
  performanceConfig: ChatBedrockKeyFields["performanceConfig"];
  serviceTier: ChatBedrockKeyFields["serviceTier"];
  requestMetadata: Record<string, string> | undefined;
  reasoning: ReasoningOptions | undefined;
  streaming: boolean;
  streamUsage: boolean;
  maxRetries: number;
  timeout: number | undefined;
  supportsToolChoiceValues: ToolChoiceKind[];
  override lc_serializable = true;

  readonly #credential: Credential | undefined;
  readonly #client: BedrockRuntimeClient | undefined;
  readonly #clientOptions: ChatBedrockKeyFields["clientOptions"];
  readonly #env: Record<string, string | undefined>;
  readonly #fetch: FetchLike | undefined;
  readonly #maxMediaBytes: number;
  readonly #pool: ClientPool;
  readonly #onWarning: (message: string) => void;
  readonly #warned = new Set<string>();
  #envCredential: { raw: string; credential: Credential } | undefined;

  static override lc_name(): string {
    return "ChatBedrockKey";
  }

  override get lc_secrets(): Record<string, string> {
    return { apiKey: "AWS_BEARER_TOKEN_BEDROCK" };
  }

  override get lc_serializable_keys(): string[] {
    return SERIALIZABLE_KEYS;
  }

  constructor(fields: ChatBedrockKeyFields) {
    const credential = toCredential({ apiKey: fields?.apiKey, tokenProvider: fields?.tokenProvider });
    // lc_kwargs keep the parsed key (redacted by toString / toJSON / inspect), never the raw string.
    super(credential?.kind === "key" ? { ...fields, apiKey: credential.key } : fields);
    if (!fields || typeof fields.model !== "string" || fields.model.length === 0) {
      throw new ChatBedrockKeyError(
        "INVALID_OPTIONS",
        'ChatBedrockKey needs a model id, e.g. { model: "amazon.nova-lite-v1:0" }.',
      );
    }
    this.model = fields.model;
    this.region = fields.region;
    this.endpoint = fields.endpoint;
    this.temperature = fields.temperature;
    this.maxTokens = fields.maxTokens;
    this.topP = fields.topP;
    this.stopSequences = fields.stopSequences;
    this.additionalModelRequestFields = fields.additionalModelRequestFields;
    this.guardrailConfig = fields.guardrailConfig;
    this.performanceConfig = fields.performanceConfig;
    this.serviceTier = fields.serviceTier;
    this.requestMetadata = fields.requestMetadata;
    this.reasoning = fields.reasoning;
    this.streaming = fields.streaming ?? false;
    this.streamUsage = fields.streamUsage ?? true;
    this.maxRetries = fields.maxRetries ?? 2;
    this.timeout = fields.timeout;
    this.supportsToolChoiceValues =
      fields.supportsToolChoiceValues ?? modelCapabilities(this.model).toolChoice;
    this.#credential = credential;
    this.#client = fields.client;
    this.#clientOptions = fields.clientOptions;
    this.#env = fields.env ?? process.env;
    this.#fetch = fields.fetch;
    this.#maxMediaBytes = fields.maxMediaBytes ?? DEFAULT_MAX_MEDIA_BYTES;
    this.#pool = new ClientPool(fields.maxClients ?? 256);
    this.#onWarning = fields.onWarning ?? ((message) => console.warn(message));
    // The single retry layer: LangChain's caller, made Bedrock-aware. Clients we build make one attempt each.
    this.caller = new BedrockRetryCaller({
      maxRetries: this.maxRetries,
      ...(fields.maxConcurrency === undefined ? {} : { maxConcurrency: fields.maxConcurrency }),
      ...(fields.retryBackoff ? { backoff: fields.retryBackoff } : {}),
    });
  }

  /** What this model can do, for `createAgent` (native structured output) and middleware. */
  override get profile(): ModelProfile {
    return modelCapabilities(this.model).profile;
  }

  _llmType(): string {
    return "chat_bedrock_key";
  }

  override getLsParams(options: this["ParsedCallOptions"]): LangSmithParams {
    return {
      ls_provider: "amazon_bedrock",
      ls_model_name: this.model,
      ls_model_type: "chat",
      ...(this.temperature === undefined ? {} : { ls_temperature: this.temperature }),
      ...(this.maxTokens === undefined ? {} : { ls_max_tokens: this.maxTokens }),
      ...((options.stop ?? this.stopSequences)
        ? { ls_stop: (options.stop ?? this.stopSequences) as string[] }
        : {}),
    };
  }

  override _identifyingParams(): Record<string, unknown> {
    return {
      model_name: this.model,
      model: this.model,
      region: this.region,
      temperature: this.temperature,
      maxTokens: this.maxTokens,
      topP: this.topP,
      stopSequences: this.stopSequences,
      streaming: this.streaming,
    };
  }

  /** The Converse request fields besides messages and system. Never holds key material. */
  override invocationParams(options?: this["ParsedCallOptions"]): ConverseParams {
    const tools = options?.tools?.length
      ? convertTools(options.tools, strictOption(options.strict))
      : undefined;
    const decision = convertToolChoice(
      options?.tool_choice,
      tools ?? [],
      this.supportsToolChoiceValues,
      this.model,
    );
    if (decision.warning) this.#warn(decision.warning);
    const stopSequences = options?.stop ?? this.stopSequences;
    const inferenceConfig = compact({
      maxTokens: this.maxTokens,
      temperature: this.temperature,
      topP: this.topP,
      stopSequences: stopSequences?.length ? stopSequences : undefined,
    });
    const additional = {
      ...this.additionalModelRequestFields,
      ...reasoningFields(this.reasoning, this.model),
      ...options?.additionalModelRequestFields,
    };
    const performanceConfig = options?.performanceConfig ?? this.performanceConfig;
    const guardrailConfig = options?.guardrailConfig ?? this.guardrailConfig;
    const serviceTier = options?.serviceTier ?? this.serviceTier;
    const requestMetadata = { ...this.requestMetadata, ...options?.requestMetadata };
    const outputConfig = toOutputConfig(options?.response_format);
    return {
      ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}),
      ...(tools && !decision.disableTools
        ? { toolConfig: { tools, ...(decision.toolChoice ? { toolChoice: decision.toolChoice } : {}) } }
        : {}),
      ...(Object.keys(additional).length ? { additionalModelRequestFields: additional as never } : {}),
      ...(guardrailConfig ? { guardrailConfig } : {}),
      ...(performanceConfig ? { performanceConfig } : {}),
      ...(serviceTier ? { serviceTier: { type: serviceTier } } : {}),
      ...(Object.keys(requestMetadata).length ? { requestMetadata } : {}),
      ...(outputConfig ? { outputConfig } : {}),
    };
  }

  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<ChatBedrockKeyCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatBedrockKeyCallOptions> {
    convertTools(tools); // fail at bind time, not on the first call
    return this.withConfig({ tools, ...kwargs } as Partial<ChatBedrockKeyCallOptions>);
  }

  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: SerializableSchema<RunOutput>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: SerializableSchema<RunOutput>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: ZodV4Like<RunOutput> | Record<string, any>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: ZodV4Like<RunOutput> | Record<string, any>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: ZodV3Like<RunOutput> | Record<string, any>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: ZodV3Like<RunOutput> | Record<string, any>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  /**
   * Structured output by forced tool call (`method: "functionCalling"`, the default) or by Converse's native
   * `outputConfig.textFormat` (`method: "jsonSchema"`), with `includeRaw` and `strict`.
   */
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: unknown,
    config?: StructuredOutputMethodOptions<boolean>,
  ):
    | Runnable<BaseLanguageModelInput, RunOutput>
    | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }> {
    return buildStructuredOutput<RunOutput>(this as unknown as BaseChatModel, outputSchema, config ?? {});
  }

  /** Closes every cached client. The model stays usable; clients are rebuilt on demand. */
  close(): void {
    this.#pool.clear();
  }

  async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    if (this.streaming) {
      let total: ChatGenerationChunk | undefined;
      for await (const chunk of this._streamResponseChunks(messages, options, runManager)) {
        total = total ? total.concat(chunk) : chunk;
      }
      if (!total) throw new ChatBedrockKeyError("EMPTY_RESPONSE", "Bedrock streamed no events; try again.");
      return { generations: [{ text: total.text, message: total.message }] };
    }
    const signal = this.#signal(options);
    const request = await this.#buildRequest(messages, options, signal);
    const lease = this.#lease(options);
    try {
      const response: ConverseCommandOutput = await this.caller.callWithOptions(
        signal ? { signal } : {},
        () => lease.client.send(new ConverseCommand(request), signal ? { abortSignal: signal } : {}),
      );
      const message = convertConverseOutput(response, this.model);
      return { generations: [{ text: message.text, message }] };
    } catch (error) {
      throw this.#explain(error, signal);
    } finally {
      lease.release();
    }
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const signal = this.#signal(options);
    const request = await this.#buildRequest(messages, options, signal);
    const lease = this.#lease(options);
    try {
      const response: ConverseStreamCommandOutput = await this.caller.callWithOptions(
        signal ? { signal } : {},
        () => lease.client.send(new ConverseStreamCommand(request), signal ? { abortSignal: signal } : {}),
      );
      if (!response.stream)
        throw new ChatBedrockKeyError("EMPTY_RESPONSE", "Bedrock returned no event stream.");
      const chunks = streamToChunks(response.stream, {
        model: this.model,
        requestId: response.$metadata.requestId,
        streamUsage: options.streamUsage ?? this.streamUsage,
        signal,
      });
      for await (const chunk of chunks) {
        yield chunk;
        await runManager?.handleLLMNewToken(chunk.text, undefined, undefined, undefined, undefined, {
          chunk,
        });
      }
      signal?.throwIfAborted();
    } catch (error) {
      throw this.#explain(error, signal);
    } finally {
      lease.release();
    }
  }

  /** Moves `configurable.apiKey` / `configurable.tokenProvider` onto the call options, out of sight of tracing. */
  protected override _separateRunnableConfigFromCallOptionsCompat(
    options?: Partial<ChatBedrockKeyCallOptions>,
  ): [RunnableConfig, this["ParsedCallOptions"]] {
    const [config, callOptions] = super._separateRunnableConfigFromCallOptionsCompat(options);
    const configurable = (config.configurable ?? {}) as Record<string, unknown>;
    const apiKey = (configurable.apiKey ?? configurable.api_key) as string | BedrockApiKey | undefined;
    const tokenProvider = configurable.tokenProvider as TokenProvider | undefined;
    attachCallCredential(callOptions, toCredential({ apiKey, tokenProvider }));
    return [config, callOptions];
  }

  override _getCallOptionsForTracing(options: this["ParsedCallOptions"], invocationParams: unknown) {
    return super._getCallOptionsForTracing(withoutCallCredential(options), invocationParams as never);
  }

  async #buildRequest(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    signal: AbortSignal | undefined,
  ): Promise<ConverseCommandInput> {
    const conversation = await convertToConverseMessages(messages, {
      maxMediaBytes: this.#maxMediaBytes,
      ...(this.#fetch ? { fetch: this.#fetch } : {}),
      ...(signal ? { signal } : {}),
    });
    const params = this.invocationParams(options);
    const historyUsesTools = conversation.messages.some((message) =>
      message.content?.some((block) => "toolUse" in block || "toolResult" in block),
    );
    if (!params.toolConfig && historyUsesTools && options.tools?.length) {
      // tool_choice "none": Converse has no such choice, but a history with tool blocks needs the tool specs.
      params.toolConfig = { tools: convertTools(options.tools) };
    }
    applyCacheControl({
      cacheControl: options.cache_control,
      system: conversation.system,
      messages: conversation.messages,
      tools: params.toolConfig?.tools as Tool[] | undefined,
      modelId: this.model,
    });
    return {
      modelId: this.model,
      messages: conversation.messages,
      ...(conversation.system.length ? { system: conversation.system } : {}),
      ...params,
    };
  }

  #lease(options: this["ParsedCallOptions"]): ClientLease {
    let credential = readCallCredential(options) ?? this.#credential;
    if (!credential) {
      if (this.#client) return { client: this.#client, release: () => undefined };
      credential = this.#credentialFromEnv();
    }
    const region =
      this.region ?? (credential.kind === "key" ? credential.key.region : credential.provider.region) ?? "";
    return this.#pool.acquire(`${credential.cacheId}|${region}`, () => this.#buildClient(credential));
  }

  #buildClient(credential: Credential): BedrockRuntimeClient {
    return createBedrockRuntimeClient({
      ...this.#clientOptions,
      maxAttempts: 1,
      ...(credential.kind === "key" ? { apiKey: credential.key } : { tokenProvider: credential.provider }),
      ...(this.region ? { region: this.region } : {}),
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
      env: this.#env,
    });
  }

  #credentialFromEnv(): Credential {
    const raw = this.#env.AWS_BEARER_TOKEN_BEDROCK;
    if (raw === undefined || raw.trim() === "") {
      throw new MissingApiKeyError(
        "No Bedrock API key: pass apiKey or tokenProvider (to the constructor or per call in configurable), or set AWS_BEARER_TOKEN_BEDROCK.",
        { blank: raw !== undefined },
      );
    }
    if (this.#envCredential?.raw !== raw) {
      const credential = toCredential({ apiKey: raw.trim() });
      if (credential) this.#envCredential = { raw, credential };
    }
    return (this.#envCredential as { credential: Credential }).credential;
  }

  #signal(options: this["ParsedCallOptions"]): AbortSignal | undefined {
    const signals = [options.signal, this.timeout ? AbortSignal.timeout(this.timeout) : undefined].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    if (signals.length <= 1) return signals[0];
    return AbortSignal.any(signals);
  }

  #explain(error: unknown, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted) return signal.reason ?? error;
    return explainBedrockError(error);
  }

  #warn(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#onWarning(message);
  }
}

function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function strictOption(strict: boolean | undefined): { strict?: boolean } {
  return strict === undefined ? {} : { strict };
}

function reasoningFields(reasoning: ReasoningOptions | undefined, model: string): Record<string, unknown> {
  if (!reasoning) return {};
  if (model.toLowerCase().includes("anthropic.")) {
    return { thinking: { type: "enabled", budget_tokens: reasoning.budgetTokens ?? 2048 } };
  }
  return {
    reasoningConfig: {
      type: "enabled",
      ...(reasoning.effort ? { maxReasoningEffort: reasoning.effort } : {}),
    },
  };
}

function toOutputConfig(
  format: ChatBedrockKeyCallOptions["response_format"],
): ConverseParams["outputConfig"] {
  if (format?.type !== "json_schema" || !format.json_schema) return undefined;
  const { name, description, schema } = format.json_schema;
  return {
    textFormat: {
      type: "json_schema",
      structure: {
        jsonSchema: {
          schema: JSON.stringify(toInputSchema(schema)),
          name: (name ?? "response").replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64),
          ...(description ? { description } : {}),
        },
      },
    },
  };
}
