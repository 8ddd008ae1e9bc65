import { fromApiKey, parseBedrockApiKey } from "@bedrock-keys/credentials";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { tool } from "@langchain/core/tools";
import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatBedrockKey } from "../chat-bedrock-key.js";
import type { ChatBedrockKeyFields } from "../chat-bedrock-key-options.js";
import { type CanaryKey, findLeaks, issueCanaryKeys } from "./__fixtures__/canary-keys.js";
import { exposeAll } from "./__fixtures__/capture.js";

const MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

/** Records every callback LangChain fires, with all its arguments. */
class RecordingHandler extends BaseCallbackHandler {
  name = "canary-recorder";
  readonly events: unknown[] = [];
  #record(event: string, args: unknown[]): void {
    this.events.push([event, ...args]);
  }
  override async handleLLMStart(...args: unknown[]) {
    this.#record("llm_start", args);
  }
  override async handleChatModelStart(...args: unknown[]) {
    this.#record("chat_model_start", args);
  }
  override async handleLLMNewToken(...args: unknown[]) {
    this.#record("llm_new_token", args);
  }
  override async handleLLMEnd(...args: unknown[]) {
    this.#record("llm_end", args);
  }
  override async handleLLMError(...args: unknown[]) {
    this.#record("llm_error", args);
  }
  override async handleChainStart(...args: unknown[]) {
    this.#record("chain_start", args);
  }
  override async handleChainEnd(...args: unknown[]) {
    this.#record("chain_end", args);
  }
  override async handleChainError(...args: unknown[]) {
    this.#record("chain_error", args);
  }
  override async handleToolStart(...args: unknown[]) {
    this.#record("tool_start", args);
  }
  override async handleToolEnd(...args: unknown[]) {
    this.#record("tool_end", args);
  }
  override async handleText(...args: unknown[]) {
    this.#record("text", args);
  }
}

const lookup = tool(async ({ symbol }) => `${symbol}: 101.5`, {
  name: "lookup",
  description: "Look up a stock price",
  schema: z.object({ symbol: z.string() }),
});

let emulator: Emulator;
let canaries: Awaited<ReturnType<typeof issueCanaryKeys>>;
beforeAll(async () => {
  emulator = await startEmulator();
  canaries = await issueCanaryKeys(emulator);
});
afterAll(async () => {
  await emulator.close();
});

describe("LangChain canary: serialization, callbacks, traces and errors never hold key material", () => {
  for (const which of ["longTerm", "shortTerm"] as const) {
    it(`${which} key: success and failure paths (403, 429, 500, mid-stream, reset, abort, timeout, bad keys)`, async () => {
      const canary: CanaryKey = canaries[which];
      const recorder = new RecordingHandler();
      const traced: unknown[] = [];
      const tracer = new LangChainTracer({
        client: {
          createRun: async (run: unknown) => void traced.push(run),
          updateRun: async (_id: string, run: unknown) => void traced.push(run),
        } as never,
        projectName: "canary",
      });
      const callbacks = [recorder, tracer];
      const warnings: string[] = [];
      const captured: string[] = [];
      const make = (fields: Partial<ChatBedrockKeyFields> = {}) =>
        new ChatBedrockKey({
          model: MODEL,
          region: emulator.region,
          endpoint: emulator.url,
          env: {},
          maxRetries: 2,
          retryBackoff: { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 2 },
          onWarning: (message) => void warnings.push(message),
          ...fields,
        });
      const failures: string[] = [];
      const failure = async (promise: Promise<unknown>): Promise<void> => {
        const error = await promise.then(
          () => undefined,
          (caught: unknown) => caught,
        );
        failures.push(error === undefined ? "no error" : String((error as Error).name));
        captured.push(exposeAll(error));
      };

      // Success paths, with the key in each form a caller may pass it.
      const withKey = make({ apiKey: canary.key });
      const perCall = make();
      const forms = [
        { apiKey: canary.key },
        { apiKey: parseBedrockApiKey(canary.key) },
        { tokenProvider: fromApiKey(canary.key) },
      ];
      captured.push(exposeAll(await withKey.invoke("Say hi.", { callbacks })));
      for (const configurable of forms) {
        captured.push(exposeAll(await perCall.invoke("Say hi.", { callbacks, configurable })));
        const chunks: unknown[] = [];
        for await (const chunk of await perCall.stream("Count to three.", { callbacks, configurable }))
          chunks.push(chunk);
        captured.push(exposeAll(chunks));
      }
      const chain = ChatPromptTemplate.fromMessages([["human", "Say {word}"]])
        .pipe(perCall)
        .pipe(new StringOutputParser());
      // Inside a chain, LangChain core copies string `configurable` values into tracing metadata, so a chain gets
      // the key as an object or under `api_key` (the one name core leaves out), as docs/langchain.md says.
      captured.push(
        await chain.invoke(
          { word: "hello" },
          { callbacks, configurable: { apiKey: parseBedrockApiKey(canary.key) } },
        ),
        await chain.invoke({ word: "hello" }, { callbacks, configurable: { api_key: canary.key } }),
        await chain.invoke(
          { word: "hello" },
          { callbacks, configurable: { tokenProvider: fromApiKey(canary.key) } },
        ),
      );
      captured.push(
        exposeAll(
          await perCall
            .bindTools([lookup])
            .invoke("Price of AMZN?", { callbacks, configurable: { apiKey: canary.key } }),
        ),
      );
      captured.push(
        exposeAll(
          await perCall
            .withStructuredOutput(z.object({ answer: z.string() }), { includeRaw: true })
            // withStructuredOutput is a chain too: the key goes as an object.
            .invoke("Answer briefly.", {
              callbacks,
              configurable: { apiKey: parseBedrockApiKey(canary.key) },
            }),
        ),
      );
      captured.push(
        exposeAll(await perCall.batch(["one", "two"], { callbacks, configurable: { apiKey: canary.key } })),
      );

      // Failure paths: Bedrock errors (scripted), stream errors, transport errors, aborts and timeouts.
      const configurable = { apiKey: canary.key };
      const noRetry = make({ maxRetries: 0 });
      emulator.script(MODEL, [{ error: "accessDenied" }]);
      await failure(noRetry.invoke("403", { callbacks, configurable }));
      emulator.script(MODEL, [{ error: "throttling" }, { error: "throttling" }, { error: "throttling" }]);
      await failure(perCall.invoke("429", { callbacks, configurable }));
      emulator.script(MODEL, [{ error: "accessDenied" }]);
      await failure(
        ChatPromptTemplate.fromMessages([["human", "{q}"]])
          .pipe(noRetry)
          .invoke({ q: "403 in a chain" }, { callbacks, configurable: { api_key: canary.key } }),
      );
      emulator.script(MODEL, [{ error: "internalServer" }]);
      await failure(noRetry.invoke("500", { callbacks, configurable }));
      emulator.script(MODEL, [{ error: "serviceUnavailable", midStream: true }]);
      await failure(
        (async () => {
          for await (const chunk of await noRetry.stream("mid-stream", { callbacks, configurable }))
            captured.push(exposeAll(chunk));
        })(),
      );
      emulator.script(MODEL, [{ error: "midStreamError" }]);
      await failure(
        (async () => {
          for await (const chunk of await noRetry.stream("mid-stream", { callbacks, configurable }))
            captured.push(exposeAll(chunk));
        })(),
      );
      emulator.script(MODEL, [{ error: "connectionReset" }]);
      await failure(noRetry.invoke("reset", { callbacks, configurable }));

      emulator.faults.set({ sequence: ["slow"], slowMs: 5_000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("caller gave up")), 50);
      await failure(noRetry.invoke("abort", { callbacks, configurable, signal: controller.signal }));
      emulator.faults.set({ sequence: ["slow"], slowMs: 5_000 });
      await failure(make({ maxRetries: 0, timeout: 50 }).invoke("timeout", { callbacks, configurable }));
      emulator.faults.clear();

      // Keys that are wrong in ways that still look real: truncated, one character changed, wrong region.
      await failure(perCall.invoke("bad", { callbacks, configurable: { apiKey: canary.key.slice(0, -12) } }));
      const flipped = `${canary.key.slice(0, 60)}${canary.key[60] === "A" ? "B" : "A"}${canary.key.slice(61)}`;
      await failure(noRetry.invoke("bad", { callbacks, configurable: { apiKey: flipped } }));
      if (canary.kind === "short-term") {
        await failure(make({ region: "eu-west-1" }).invoke("region", { callbacks, configurable }));
      }

      // Everything the model object itself shows.
      for (const model of [withKey, perCall, noRetry]) {
        captured.push(
          exposeAll(model),
          JSON.stringify(model),
          exposeAll(model.toJSON()),
          exposeAll(model.invocationParams({} as never)),
          exposeAll(model._identifyingParams()),
          exposeAll(model.getLsParams({} as never)),
        );
      }
      captured.push(exposeAll(recorder.events), exposeAll(traced), warnings.join("\n"));
      captured.push(exposeAll(emulator.audit()));

      // Every failure path failed, each with its own kind of error.
      expect(failures).not.toContain("no error");
      expect(failures).toEqual(
        expect.arrayContaining([
          "BedrockKeyRejectedError",
          "ThrottlingException",
          "InternalServerException",
          "ServiceUnavailableException",
          "ModelStreamErrorException",
          "TimeoutError",
          "BedrockKeyFormatError",
        ]),
      );
      const fired = new Set(recorder.events.map((event) => (event as [string])[0]));
      for (const event of [
        "chat_model_start",
        "llm_new_token",
        "llm_end",
        "llm_error",
        "chain_end",
        "chain_error",
      ])
        expect(fired).toContain(event);
      expect(JSON.stringify(withKey)).toContain("AWS_BEARER_TOKEN_BEDROCK");
      const everything = captured.join("\n");
      expect(findLeaks(everything, canaries.secrets)).toEqual([]);
      withKey.close();
      perCall.close();
      noRetry.close();
    });
  }
});
