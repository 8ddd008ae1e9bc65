import { HumanMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ScriptedChatModel, throttlingError } from "../__fixtures__/scripted-chat-model.js";
import { RunStoppedError } from "../errors/run-stopped-error.js";
import { RunEmitter } from "../events/run-emitter.js";
import { RateLimiterRegistry } from "../limits/rate-limiter-registry.js";
import { RunContext } from "../run/run-context.js";
import type { Clock } from "../time/clock.js";
import { callModel } from "./call-model.js";

function virtualClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

function setup(respond: ConstructorParameters<typeof ScriptedChatModel>[0], limits = {}) {
  const clock = virtualClock();
  const emitter = new RunEmitter();
  const throttled: number[] = [];
  emitter.on("throttled", (event) => throttled.push(event.waitMs));
  const rateLimiters = new RateLimiterRegistry({ clock });
  const context = new RunContext(emitter, { clock, rateLimiters, limits, random: () => 0.5 });
  const model = new ScriptedChatModel(respond);
  const call = () =>
    callModel(context, { agent: "a", tenant: "t", model, messages: [new HumanMessage("hi")] });
  return { clock, context, model, call, throttled, rateLimiters };
}

describe("callModel", () => {
  it("waits out throttling with jittered backoff and never loses the call", async () => {
    const { call, throttled, rateLimiters, model } = setup((_, index) =>
      index < 12 ? throttlingError() : "finally",
    );
    const { message } = await call();
    expect(message.content).toBe("finally");
    expect(throttled).toHaveLength(12);
    expect(throttled[11]).toBe(10_000);
    expect(model.calls).toHaveLength(13);
    const limiter = rateLimiters.get({
      fingerprint: "t",
      region: "us-east-1",
      modelId: "amazon.nova-lite-v1:0",
    });
    expect(limiter.stats().throttled).toBe(12);
  });

  it("stops retrying at the deadline", async () => {
    const { call } = setup(() => throttlingError(), { timeoutMs: 30_000 });
    const error = await call().catch((caught: unknown) => caught);
    expect(RunStoppedError.isInstance(error) && error.reason).toBe("deadline");
  });

  it("gives up on transient errors after maxTransientRetries and rethrows fatal ones at once", async () => {
    const unavailable = Object.assign(new Error("unavailable"), { name: "ServiceUnavailableException" });
    const transient = setup(() => unavailable);
    await expect(transient.call()).rejects.toThrow("unavailable");
    expect(transient.model.calls).toHaveLength(7);
    const fatal = setup(() => Object.assign(new Error("bad"), { name: "ValidationException" }));
    await expect(fatal.call()).rejects.toThrow("bad");
    expect(fatal.model.calls).toHaveLength(1);
  });

  it("prices calls with the overridable table and attributes them", async () => {
    const clock = virtualClock();
    const context = new RunContext(new RunEmitter(), {
      clock,
      prices: { "amazon.nova-lite-v1:0": { inputPerMillion: 1_000_000, outputPerMillion: 0 } },
    });
    const model = new ScriptedChatModel(() => "ok");
    const { usage } = await callModel(context, {
      agent: "a",
      tenant: "t",
      taskId: "task-1",
      model,
      messages: [new HumanMessage("hi")],
    });
    expect(usage.costUsd).toBe(usage.inputTokens);
    expect(context.ledger.report().byTask["task-1"]?.costUsd).toBe(usage.costUsd);
  });

  it("sends a string key as configurable.api_key, the one name LangChain keeps out of tracing metadata", async () => {
    const clock = virtualClock();
    const context = new RunContext(new RunEmitter(), {
      clock,
      rateLimiters: new RateLimiterRegistry({ clock }),
      random: () => 0.5,
    });
    const seen: Array<Record<string, unknown> | undefined> = [];
    const model = new ScriptedChatModel(() => "ok");
    const original = model.invoke.bind(model);
    model.invoke = (input, options) => {
      seen.push(options?.configurable as Record<string, unknown> | undefined);
      return original(input, options);
    };
    const messages = [new HumanMessage("hi")];
    await callModel(context, { agent: "a", tenant: "t", model, messages, apiKey: "ABSKc3RyaW5nLWtleQ==" });
    const keyObject = { fingerprint: "0123abcd" };
    await callModel(context, { agent: "a", tenant: "t", model, messages, apiKey: keyObject });
    expect(seen[0]).toEqual({ api_key: "ABSKc3RyaW5nLWtleQ==" });
    expect(seen[1]).toEqual({ apiKey: keyObject });
    expect(model.calls.map((call) => call.tenant)).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}$/),
      "0123abcd",
    ]);
  });
});
