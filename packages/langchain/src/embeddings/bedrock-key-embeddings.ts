import { type BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import {
  type BedrockApiKey,
  createBedrockRuntimeClient,
  explainBedrockError,
  MissingApiKeyError,
} from "@bedrock-keys/credentials";
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { type Credential, type TokenProvider, toCredential } from "../auth/call-credentials.js";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { BedrockRetryCaller, type RetryBackoff } from "../retry/bedrock-retry-caller.js";

/** Constructor options of {@link BedrockKeyEmbeddings}. */
export interface BedrockKeyEmbeddingsFields extends EmbeddingsParams {
  /** `amazon.titan-embed-text-v2:0` (default) or a Cohere embed model such as `cohere.embed-english-v3`. */
  model?: string;
  apiKey?: string | BedrockApiKey;
  tokenProvider?: TokenProvider;
  region?: string;
  endpoint?: string;
  /** A ready client, used when no `apiKey` / `tokenProvider` is given. */
  client?: BedrockRuntimeClient;
  /** Where `AWS_BEARER_TOKEN_BEDROCK` is read; default `process.env`. Never written. */
  env?: Record<string, string | undefined>;
  /** Titan v2 output size: 256, 512 or 1024 (default 1024). */
  dimensions?: 256 | 512 | 1024;
  /** Titan v2: return unit vectors (default true). */
  normalize?: boolean;
  /** Cohere: texts per InvokeModel call (at most 96, the default). Titan embeds one text per call. */
  batchSize?: number;
  retryBackoff?: RetryBackoff;
}

/**
 * LangChain embeddings over Bedrock InvokeModel with an API key: Amazon Titan Text Embeddings v2
 * (`{ inputText, dimensions, normalize }`, one text per call, calls run concurrently up to `maxConcurrency`) and
 * Cohere Embed (`{ texts, input_type }`, batched up to 96 texts per call, `search_document` for documents and
 * `search_query` for queries). Retries throttling like {@link ChatBedrockKey}.
 *
 * @example
 * ```ts
 * const embeddings = new BedrockKeyEmbeddings({ apiKey, region: "us-east-1", dimensions: 512 });
 * const vectors = await embeddings.embedDocuments(["alpha", "beta"]);
 * ```
 */
export class BedrockKeyEmbeddings extends Embeddings {
  readonly model: string;
  readonly dimensions: number | undefined;
  readonly normalize: boolean;
  readonly batchSize: number;
  readonly #credential: Credential | undefined;
  readonly #region: string | undefined;
  readonly #endpoint: string | undefined;
  readonly #env: Record<string, string | undefined>;
  #client: BedrockRuntimeClient | undefined;
  readonly #ownsClient: boolean;

  constructor(fields: BedrockKeyEmbeddingsFields = {}) {
    super(fields);
    this.model = fields.model ?? "amazon.titan-embed-text-v2:0";
    this.dimensions = fields.dimensions;
    this.normalize = fields.normalize ?? true;
    this.batchSize = Math.min(96, Math.max(1, fields.batchSize ?? 96));
    this.#credential = toCredential({ apiKey: fields.apiKey, tokenProvider: fields.tokenProvider });
    this.#region = fields.region;
    this.#endpoint = fields.endpoint;
    this.#env = fields.env ?? process.env;
    this.#client = this.#credential ? undefined : fields.client;
    this.#ownsClient = this.#client === undefined;
    this.caller = new BedrockRetryCaller({
      maxRetries: fields.maxRetries ?? 2,
      ...(fields.maxConcurrency === undefined ? {} : { maxConcurrency: fields.maxConcurrency }),
      ...(fields.retryBackoff ? { backoff: fields.retryBackoff } : {}),
    });
  }

  /** Embeds documents (Cohere: `input_type: "search_document"`). */
  async embedDocuments(documents: string[]): Promise<number[][]> {
    if (this.#isCohere()) {
      const batches: string[][] = [];
      for (let start = 0; start < documents.length; start += this.batchSize) {
        batches.push(documents.slice(start, start + this.batchSize));
      }
      const results = await Promise.all(batches.map((batch) => this.#embedCohere(batch, "search_document")));
      return results.flat();
    }
    return Promise.all(documents.map((document) => this.#embedTitan(document)));
  }

  /** Embeds a query (Cohere: `input_type: "search_query"`). */
  async embedQuery(query: string): Promise<number[]> {
    if (this.#isCohere()) return (await this.#embedCohere([query], "search_query"))[0] ?? [];
    return this.#embedTitan(query);
  }

  /** Closes the client this instance built (not an injected one). */
  close(): void {
    if (this.#ownsClient) this.#client?.destroy();
    this.#client = undefined;
  }

  #isCohere(): boolean {
    return this.model.toLowerCase().includes("cohere.");
  }

  async #embedTitan(text: string): Promise<number[]> {
    const body = {
      inputText: text.length > 0 ? text : " ",
      ...(this.dimensions ? { dimensions: this.dimensions } : {}),
      normalize: this.normalize,
    };
    const response = (await this.#invoke(body)) as { embedding?: unknown };
    if (!Array.isArray(response.embedding)) throw emptyResponse();
    return response.embedding as number[];
  }

  async #embedCohere(texts: string[], inputType: "search_document" | "search_query"): Promise<number[][]> {
    const response = (await this.#invoke({ texts, input_type: inputType, truncate: "END" })) as {
      embeddings?: unknown;
    };
    const embeddings = Array.isArray(response.embeddings)
      ? response.embeddings
      : (response.embeddings as { float?: unknown } | undefined)?.float;
    if (!Array.isArray(embeddings) || embeddings.length !== texts.length) throw emptyResponse();
    return embeddings as number[][];
  }

  async #invoke(body: unknown): Promise<unknown> {
    const client = this.#getClient();
    const command = new InvokeModelCommand({
      modelId: this.model,
      contentType: "application/json",
      accept: "application/json",
      body: new TextEncoder().encode(JSON.stringify(body)),
    });
    try {
      const response = await this.caller.call(() => client.send(command));
      return JSON.parse(new TextDecoder().decode(response.body));
    } catch (error) {
      throw explainBedrockError(error);
    }
  }

  #getClient(): BedrockRuntimeClient {
    if (this.#client) return this.#client;
    let credential = this.#credential;
    if (!credential) {
      const raw = this.#env.AWS_BEARER_TOKEN_BEDROCK;
      if (raw === undefined || raw.trim() === "") {
        throw new MissingApiKeyError(
          "No Bedrock API key: pass apiKey or tokenProvider, or set AWS_BEARER_TOKEN_BEDROCK.",
          {
            blank: raw !== undefined,
          },
        );
      }
      credential = toCredential({ apiKey: raw.trim() }) as Credential;
    }
    this.#client = createBedrockRuntimeClient({
      maxAttempts: 1,
      ...(credential.kind === "key" ? { apiKey: credential.key } : { tokenProvider: credential.provider }),
      ...(this.#region ? { region: this.#region } : {}),
      ...(this.#endpoint ? { endpoint: this.#endpoint } : {}),
      env: this.#env,
    });
    return this.#client;
  }
}

function emptyResponse(): ChatBedrockKeyError {
  return new ChatBedrockKeyError(
    "EMPTY_RESPONSE",
    "Bedrock returned no embedding; check the model id and try again.",
  );
}
