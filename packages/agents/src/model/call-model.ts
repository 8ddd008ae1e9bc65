import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import { normalizeRequest } from "../cassette/normalize-request.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import { backoffDelay } from "../limits/backoff.js";
import { classifyError } from "../limits/is-retryable-error.js";
import { costOf } from "../limits/price-table.js";
import type { RunContext } from "../run/run-context.js";
import type { Usage } from "../usage/usage.js";
import { estimateMessagesTokens, estimateTokens, messageText } from "./message-text.js";
import { modelIdentity } from "./model-identity.js";
import type { AgentApiKey } from "./resolve-tenant.js";

/** One model call as the orchestrator makes it. */
export interface ModelCall {
  agent: string;
  tenant: string;
  apiKey?: AgentApiKey | undefined;
  model: BaseChatModel;
  /** What to invoke instead of `model` (bound tools, structured output); may return `{ raw }`. */
  runnable?: Runnable | undefined;
  /** Names of bound tools (part of the cassette key). */
  tools?: string[] | undefined;
  messages: BaseMessage[];
  taskId?: string | undefined;
  /** Output tokens to reserve in the limiter (default: the model's `maxTokens`, else 1024). */
  maxOutputTokens?: number | undefined;
  /** Stream and emit `token` events. */
  stream?: boolean | undefined;
}

/** A model reply and the usage attributed to it. */
export interface ModelResult {
  message: AIMessage;
  usage: Usage;
}

/**
 * The single path every model request takes: budget check, `beforeModelCall` hook, cassette replay, the shared
 * rate limiter (reserve, settle), retries with jittered backoff (throttling: until a limit stops the run;
 * transient: `maxTransientRetries`), usage and cost attribution, `usage` / `throttled` events, cassette record.
 * The key travels only in the per-call `configurable`, never into an event or a cassette.
 *
 * @example
 * ```ts
 * const { message, usage } = await callModel(context, { agent: "analyst", tenant, apiKey, model, messages });
 * ```
 */
export async function callModel(context: RunContext, call: ModelCall): Promise<ModelResult> {
  context.throwIfAborted();
  context.budget.beforeCall();
  const identity = modelIdentity(call.model);
  const messages = await applyModelHook(context, call, identity.modelId);
  const request = normalizeRequest(identity.modelId, messages, call.tools ?? []);
  const slot = context.cassette?.slot(call.agent, request);
  if (context.cassette?.mode === "replay" && slot) {
    const replayed = context.cassette.take(slot, request);
    return { message: replayed, usage: settleUsage(context, call, identity.modelId, messages, replayed) };
  }
  const limiter = context.limiters.get({
    fingerprint: call.tenant,
    region: identity.region,
    modelId: identity.modelId,
  });
  const reserve = estimateMessagesTokens(messages) + (call.maxOutputTokens ?? identity.maxTokens ?? 1024);
  let transientFailures = 0;
  for (let attempt = 0; ; attempt++) {
    context.throwIfAborted();
    context.budget.beforeCall();
    const leaseRequest = { owner: call.agent, tokens: reserve, deadlineAt: context.budget.deadlineAt };
    const lease = await limiter.acquire(
      context.signal ? { ...leaseRequest, signal: context.signal } : leaseRequest,
    );
    let message: AIMessage;
    try {
      // A limit may have been reached by other calls while this one waited for its slot.
      context.throwIfAborted();
      context.budget.beforeCall();
      message = await invoke(context, call, messages);
    } catch (error) {
      lease.settle(0);
      const kind = classifyError(error);
      if (kind === "fatal" || RunStoppedError.isInstance(error)) throw error;
      if (kind === "throttling") limiter.onThrottle();
      else if (++transientFailures > context.maxTransientRetries) throw error;
      const waitMs = backoffDelay(
        kind === "throttling" ? attempt : transientFailures,
        kind === "throttling" ? { baseMs: 500, capMs: 20_000 } : { baseMs: 100, capMs: 5_000 },
        context.random,
      );
      context.emit("throttled", {
        agent: call.agent,
        tenant: call.tenant,
        modelId: identity.modelId,
        attempt: attempt + 1,
        waitMs,
        error: errorName(error),
      });
      await context.clock.sleep(
        Math.min(waitMs, Math.max(0, context.budget.deadlineAt - context.clock.now())),
      );
      continue;
    }
    const usage = settleUsage(context, call, identity.modelId, messages, message);
    lease.settle(usage.totalTokens);
    limiter.onSuccess();
    if (context.cassette?.mode === "record" && slot)
      context.cassette.write(slot, call.tenant, request, message);
    return { message, usage };
  }
}

async function applyModelHook(context: RunContext, call: ModelCall, modelId: string): Promise<BaseMessage[]> {
  const hook = context.hooks.beforeModelCall;
  if (!hook) return call.messages;
  const decision = await hook({
    runId: context.runId,
    agent: call.agent,
    tenant: call.tenant,
    modelId,
    ...(call.taskId === undefined ? {} : { taskId: call.taskId }),
    messages: call.messages,
  });
  if (decision && "cancel" in decision)
    throw new RunStoppedError("cancelled", decision.reason ?? "beforeModelCall");
  return decision && "messages" in decision ? decision.messages : call.messages;
}

async function invoke(context: RunContext, call: ModelCall, messages: BaseMessage[]): Promise<AIMessage> {
  const runnable = (call.runnable ?? call.model) as Runnable<BaseMessage[], unknown>;
  const options = {
    configurable: perCallKey(call.apiKey),
    ...(context.signal ? { signal: context.signal } : {}),
  };
  if (!call.stream) return toAIMessage(await runnable.invoke(messages, options));
  let merged: AIMessageChunk | undefined;
  for await (const chunk of await runnable.stream(messages, options)) {
    const piece = chunk as AIMessageChunk;
    const text = messageText(piece);
    if (text) context.emit("token", { agent: call.agent, tenant: call.tenant, text });
    merged = merged ? merged.concat(piece) : piece;
  }
  return toAIMessage(merged ?? new AIMessage(""));
}

function toAIMessage(output: unknown): AIMessage {
  const value = output as { raw?: unknown };
  const source = (value && typeof value === "object" && "raw" in value ? value.raw : value) as unknown;
  if (source instanceof AIMessage) return source;
  const message = source as {
    content?: AIMessage["content"];
    tool_calls?: AIMessage["tool_calls"];
    usage_metadata?: AIMessage["usage_metadata"];
    response_metadata?: AIMessage["response_metadata"];
  };
  return new AIMessage({
    content: message.content ?? "",
    tool_calls: message.tool_calls ?? [],
    ...(message.usage_metadata ? { usage_metadata: message.usage_metadata } : {}),
    response_metadata: message.response_metadata ?? {},
  });
}

function settleUsage(
  context: RunContext,
  call: ModelCall,
  modelId: string,
  messages: BaseMessage[],
  message: AIMessage,
): Usage {
  const metadata = message.usage_metadata as
    | { input_tokens?: number; output_tokens?: number; total_tokens?: number }
    | undefined;
  const inputTokens = metadata?.input_tokens ?? estimateMessagesTokens(messages);
  const outputTokens = metadata?.output_tokens ?? estimateTokens(messageText(message));
  const usage: Usage = {
    calls: 1,
    inputTokens,
    outputTokens,
    totalTokens: metadata?.total_tokens ?? inputTokens + outputTokens,
    costUsd: costOf(modelId, inputTokens, outputTokens, context.prices),
  };
  context.ledger.record({ agent: call.agent, tenant: call.tenant, taskId: call.taskId }, usage);
  context.budget.recordCall(usage);
  context.emit("usage", {
    agent: call.agent,
    tenant: call.tenant,
    modelId,
    ...(call.taskId === undefined ? {} : { taskId: call.taskId }),
    usage,
  });
  return usage;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

/**
 * The per-call `configurable` for a key. LangChain core copies string `configurable` values into tracing
 * metadata (LangSmith) except under the name `api_key`, so a string key travels as `api_key` and an object
 * (a `BedrockApiKey`, never copied) as `apiKey`; `ChatBedrockKey` reads both.
 */
function perCallKey(apiKey: ModelCall["apiKey"]): Record<string, unknown> {
  if (apiKey === undefined) return {};
  return typeof apiKey === "string" ? { api_key: apiKey } : { apiKey };
}
