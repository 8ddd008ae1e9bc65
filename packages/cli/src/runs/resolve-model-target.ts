import { fromKeyStore, parseBedrockApiKey } from "@bedrock-keys/credentials";
import type { SqliteKeyStore } from "@bedrock-keys/credentials/stores/sqlite";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { faultsFor, latencyFor } from "../commands/realistic-latency.js";
import type { CliIo } from "../io/cli-io.js";
import { openKeyStore, type StoreOptions } from "../store/open-key-store.js";

/**
 * Where a command's model calls go, and on whose key.
 *
 * @example
 * ```ts
 * const options: ModelTargetOptions = { tenant: "acme", model: "amazon.nova-lite-v1:0" };
 * ```
 */
export interface ModelTargetOptions extends StoreOptions {
  /** Run as this tenant, with its key from the store. */
  tenant?: string;
  endpoint?: string;
  region?: string;
  model?: string;
  latency?: "realistic" | "none";
  /** Replaying a cassette: no model call is made, so no key or endpoint is needed. */
  offline?: boolean;
  maxTokens?: number;
  /** Retries of throttled and transient calls inside `ChatBedrockKey`; default 0 (the agents retry). */
  maxRetries?: number;
}

/**
 * A ready chat model plus a description of where it points, and what to close afterwards.
 *
 * @example
 * ```ts
 * const { model, close }: ModelTarget = await resolveModelTarget({ tenant: "acme" }, io);
 * ```
 */
export interface ModelTarget {
  model: ChatBedrockKey;
  modelId: string;
  /** One line for the user: whose key, which endpoint. */
  description: string;
  /** Closes the model's clients (their HTTP/2 sessions), then the store or emulator it opened. */
  close(): Promise<void>;
}

const DEFAULT_MODEL = "amazon.nova-lite-v1:0";

/**
 * Builds the `ChatBedrockKey` a command runs on, in this order: `--tenant` (its key from the store, through
 * `fromKeyStore`), else the key in `AWS_BEARER_TOKEN_BEDROCK`, else an embedded emulator with a fresh key.
 * `--endpoint` overrides the endpoint of the first two.
 *
 * @example
 * ```ts
 * const target = await resolveModelTarget({ tenant: "acme" }, io);
 * try { await target.model.invoke("hi"); } finally { await target.close(); }
 * ```
 */
export async function resolveModelTarget(options: ModelTargetOptions, io: CliIo): Promise<ModelTarget> {
  const modelId = options.model ?? DEFAULT_MODEL;
  const common = {
    model: modelId,
    maxTokens: options.maxTokens ?? 512,
    maxRetries: options.maxRetries ?? 0,
    env: {},
  };
  const regionFromEnv = options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (options.offline === true) {
    const model = new ChatBedrockKey({
      ...common,
      region: regionFromEnv ?? "us-east-1",
      endpoint: "http://127.0.0.1:9",
    });
    return {
      model,
      modelId,
      description: "replaying a cassette: no network, no key",
      close: async () => model.close(),
    };
  }
  if (options.tenant !== undefined) {
    const store: SqliteKeyStore = openKeyStore(options, io);
    try {
      const active = await store.get(options.tenant);
      const region = active?.record.region ?? regionFromEnv ?? "us-east-1";
      const model = new ChatBedrockKey({
        ...common,
        tokenProvider: fromKeyStore(store, options.tenant),
        region,
        ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
      });
      const key = active === undefined ? "no active key" : `key ${active.record.fingerprint}`;
      return {
        model,
        modelId,
        description: `tenant "${options.tenant}" (${key}) on ${options.endpoint ?? `Amazon Bedrock in ${region}`}`,
        close: async () => {
          model.close();
          store.close();
        },
      };
    } catch (error) {
      store.close();
      throw error;
    }
  }
  const envKey = io.env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (envKey !== undefined && envKey !== "") {
    const key = parseBedrockApiKey(envKey, { now: io.now() });
    const region = key.region ?? regionFromEnv ?? "us-east-1";
    const model = new ChatBedrockKey({
      ...common,
      apiKey: key,
      region,
      ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    });
    return {
      model,
      modelId,
      description: `key ${key} from AWS_BEARER_TOKEN_BEDROCK on ${options.endpoint ?? `Amazon Bedrock in ${region}`}`,
      close: async () => model.close(),
    };
  }
  const latency = options.latency ?? "realistic";
  const emulator: Emulator = await startEmulator({
    latency: latencyFor(latency),
    faults: faultsFor(latency),
  });
  const key = emulator.keys.issueLongTermKey();
  const model = new ChatBedrockKey({
    ...common,
    apiKey: key,
    region: emulator.region,
    endpoint: emulator.url,
  });
  return {
    model,
    modelId,
    description: `an embedded emulator at ${emulator.url} (${latency === "none" ? "no" : "realistic"} latency); pass --tenant or set AWS_BEARER_TOKEN_BEDROCK for Bedrock`,
    close: async () => {
      // Client sessions first: a server cannot finish closing while a client keeps its HTTP/2 session open.
      model.close();
      await emulator.close();
    },
  };
}
