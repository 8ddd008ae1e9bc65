/**
 * The parts of our packages' public APIs the bench uses, as agreed in the team's contracts. Declared here rather
 * than imported so the bench keeps compiling while those packages are still being built; `loadApi` checks at run
 * time that each export exists.
 */
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

export type ScriptedResponse =
  | { text: string; stopReason?: string; usage?: Record<string, number> }
  | { toolCalls: Array<{ name: string; input: unknown; toolUseId?: string }>; text?: string }
  | { error: string; message?: string };

export interface AuditEntryLike {
  operation: string;
  status: number;
  fingerprint?: string;
  httpVersion: string;
  attempt?: number;
  inputTokens: number;
  outputTokens: number;
  startedAt: number;
  endedAt: number;
}

export interface EmulatorLike {
  url: string;
  region: string;
  close(): Promise<void>;
  keys: {
    issueLongTermKey(options?: { userName?: string; accountId?: string }): string;
    testCredentials: { accessKeyId: string; secretAccessKey: string };
  };
  audit(): AuditEntryLike[];
  clearAudit(): void;
  script(modelId: string, responses: ScriptedResponse[]): void;
  quotas: { set(quotas: { requestsPerMinute?: number; tokensPerMinute?: number }): void };
}

export interface EmulatorOptions {
  port?: number;
  seed?: number;
  latency?: { firstTokenMs?: number; tokensPerSecond?: number };
  quotas?: { requestsPerMinute?: number; tokensPerMinute?: number };
  now?: () => number;
}

export interface EmulatorApi {
  startEmulator(options?: EmulatorOptions): Promise<EmulatorLike>;
}

export interface BedrockApiKeyLike {
  kind: "long-term" | "short-term";
  fingerprint: string;
  reveal(): string;
}

export type TokenProvider = () => Promise<{ token: string; expiration?: Date }>;

export interface AwsCredentialsLike {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface CredentialsApi {
  parseBedrockApiKey(input: string, options?: { now?: Date }): BedrockApiKeyLike;
  mintShortTermKey(options: {
    credentials: AwsCredentialsLike | (() => Promise<AwsCredentialsLike>);
    region: string;
    expiresInSeconds?: number;
    now?: () => Date;
  }): Promise<BedrockApiKeyLike>;
  fromAwsCredentials(options: {
    credentials?: AwsCredentialsLike | (() => Promise<AwsCredentialsLike>);
    region: string;
    expiresInSeconds?: number;
    refreshBeforeSeconds?: number;
  }): TokenProvider;
  createBedrockRuntimeClient(options: {
    apiKey?: BedrockApiKeyLike | string;
    tokenProvider?: TokenProvider;
    region?: string;
    endpoint?: string;
    [option: string]: unknown;
  }): BedrockRuntimeClient;
}

/** A LangChain chat model as far as the bench drives it. */
export interface ChatModelLike {
  invoke(input: unknown, options?: Record<string, unknown>): Promise<{ content: unknown }>;
  stream(input: unknown, options?: Record<string, unknown>): Promise<AsyncIterable<{ content: unknown }>>;
}

export interface LangchainApi {
  ChatBedrockKey: new (fields: Record<string, unknown>) => ChatModelLike;
}

/** A clock as the agents package sees it. */
export interface ClockLike {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RunResultLike<T> {
  status: "completed" | "stopped" | "failed";
  reason?: string;
  error?: { message: string };
  result?: T;
  usage: { run: { calls: number; totalTokens: number } };
}

export interface SimulationLike<T> {
  run(): Promise<RunResultLike<T>>;
  on(event: string, listener: (payload: Record<string, unknown>) => void): unknown;
}

export interface WorldLike {
  name: string;
  rules?: string;
  actionSchema: unknown;
  view(state: unknown, agent: { index: number; name: string; persona?: string }, tick: number): string;
}

export interface AgentsApi {
  Simulation: new (
    options: Record<string, unknown>,
  ) => SimulationLike<{ ticksCompleted: number; invalidActions: number }>;
  RateLimiterRegistry: new (options: Record<string, unknown>) => unknown;
  marketWorld: WorldLike;
  createMarketState(traders: number, seed?: number): unknown;
  createMarketAgents(count: number): Array<{ index: number; name: string; persona?: string }>;
  createScaledClock(factor: number, start?: number): ClockLike;
}
