import { type BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";
import { createBedrockRuntimeClient } from "@bedrock-keys/credentials";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import {
  AIMessage,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { convertToConverseMessages } from "../messages/convert-to-converse-messages.js";

const MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
const TOOL_NAMES = ["lookup", "get_weather"] as const;

let emulator: Emulator;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  emulator = await startEmulator();
  client = createBedrockRuntimeClient({
    apiKey: emulator.keys.issueLongTermKey({ userName: "property" }),
    endpoint: emulator.url,
    region: emulator.region,
    maxAttempts: 1,
    env: {},
  });
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

/** Any text, including blank, whitespace-only, astral and JSON-looking strings. */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", " ", "\n\t", "{}", '{"a":1}', "🙂", "a\u0000b"),
);
const nonBlank = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim().length > 0);
const textContent = fc.oneof(
  text,
  fc.array(
    text.map((value) => ({ type: "text" as const, text: value })),
    { minLength: 1, maxLength: 3 },
  ),
);
const args = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null)),
  { maxKeys: 3 },
);

/** An assistant turn: plain text, or tool calls answered by tool messages and then (maybe) text. */
function assistantTurn(turn: number): fc.Arbitrary<BaseMessage[]> {
  const plain = textContent.map((content) => [new AIMessage({ content })]);
  const withTools = fc
    .record({
      preamble: fc.oneof(fc.constant(""), nonBlank),
      calls: fc.array(fc.record({ name: fc.constantFrom(...TOOL_NAMES), args }), {
        minLength: 1,
        maxLength: 3,
      }),
      results: fc.array(fc.record({ content: text, status: fc.constantFrom("success", "error") }), {
        minLength: 3,
        maxLength: 3,
      }),
      followUp: fc.option(textContent, { nil: undefined }),
    })
    .map(({ preamble, calls, results, followUp }) => {
      const toolCalls = calls.map((call, index) => ({
        ...call,
        id: `call_${turn}_${index}`,
        type: "tool_call" as const,
      }));
      return [
        new AIMessage({ content: preamble, tool_calls: toolCalls }),
        ...toolCalls.map(
          (call, index) =>
            new ToolMessage({
              content: results[index]?.content ?? "",
              tool_call_id: call.id,
              name: call.name,
              status: results[index]?.status ?? "success",
            } as never),
        ),
        ...(followUp === undefined ? [] : [new AIMessage({ content: followUp })]),
      ];
    });
  return fc.oneof(plain, withTools);
}

/** A conversation as a chat model is called with it: optional system, human first, ending on a human turn. */
const conversation: fc.Arbitrary<BaseMessage[]> = fc
  .record({
    system: fc.option(textContent, { nil: undefined }),
    turns: fc.integer({ min: 0, max: 3 }).chain((count) =>
      fc.tuple(
        ...Array.from({ length: count }, (_, turn) =>
          fc.tuple(
            textContent.map((content) => new HumanMessage({ content })),
            assistantTurn(turn),
          ),
        ),
      ),
    ),
    last: textContent.map((content) => new HumanMessage({ content })),
  })
  .map(({ system, turns, last }) => [
    ...(system === undefined ? [] : [new SystemMessage({ content: system })]),
    ...turns.flatMap(([human, assistant]) => [human, ...assistant]),
    last,
  ]);

function usesTools(messages: Message[]): boolean {
  return messages.some((message) =>
    (message.content ?? []).some((block) => block.toolUse !== undefined || block.toolResult !== undefined),
  );
}

describe("LangChain messages -> Converse (property, against the emulator)", () => {
  it("converts any valid message list to a request the emulator accepts, or fails with a typed error", async () => {
    let sent = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(conversation, async (input) => {
        let converted: Awaited<ReturnType<typeof convertToConverseMessages>>;
        try {
          converted = await convertToConverseMessages(input);
        } catch (error) {
          expect(ChatBedrockKeyError.isInstance(error)).toBe(true);
          expect((error as ChatBedrockKeyError).code).toMatch(/^[A-Z_]+$/);
          refused++;
          return;
        }
        const response = await client.send(
          new ConverseCommand({
            modelId: MODEL,
            messages: converted.messages,
            ...(converted.system.length > 0 ? { system: converted.system } : {}),
            ...(usesTools(converted.messages)
              ? {
                  toolConfig: {
                    tools: TOOL_NAMES.map((name) => ({
                      toolSpec: { name, inputSchema: { json: { type: "object" } } },
                    })),
                  },
                }
              : {}),
            inferenceConfig: { maxTokens: 16 },
          }),
        );
        expect(response.output?.message?.role).toBe("assistant");
        sent++;
      }),
      { numRuns: 200 },
    );
    // Both outcomes must actually occur, or the property proves less than it claims.
    expect(sent).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(0);
  });
});
