import {
  AIMessage,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertToConverseMessages } from "./convert-to-converse-messages.js";

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((value) => value.trim().length > 0);
const id = fc.constantFrom("a", "b", "c");
const toolCall = fc.record({
  id,
  name: fc.constantFrom("f", "g"),
  args: fc.dictionary(fc.string({ maxLength: 3 }), fc.integer()),
});

const message: fc.Arbitrary<BaseMessage> = fc.oneof(
  text.map((content) => new HumanMessage(content)),
  text.map((content) => new SystemMessage(content)),
  fc
    .record({
      content: fc.oneof(
        fc.constant(""),
        text,
        fc.array(
          fc.oneof(
            text.map((value) => ({ type: "text", text: value })),
            fc.record({
              type: fc.constant("tool_use"),
              id,
              name: fc.constant("f"),
              input: fc.oneof(fc.constant("{"), fc.constant({})),
            }),
            fc.record({ type: fc.constant("mystery"), value: fc.integer() }),
          ),
          { maxLength: 4 },
        ),
      ),
      tool_calls: fc.array(toolCall, { maxLength: 3 }),
    })
    .map((fields) => new AIMessage(fields as never)),
  fc
    .record({
      content: fc.oneof(text, fc.constant("")),
      tool_call_id: id,
      status: fc.constantFrom("success", "error"),
    })
    .map((fields) => new ToolMessage(fields as never)),
);

describe("convertToConverseMessages (property)", () => {
  it("never throws on AI/tool/system histories, alternates roles, and never repeats a toolUse id in a turn", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 12 }), async (messages) => {
        const { messages: converse } = await convertToConverseMessages(messages);
        for (let index = 1; index < converse.length; index++) {
          expect(converse[index]?.role).not.toBe(converse[index - 1]?.role);
        }
        for (const turn of converse) {
          expect(turn.content?.length).toBeGreaterThan(0);
          const ids = (turn.content ?? []).flatMap((block) =>
            block.toolUse ? [block.toolUse.toolUseId] : [],
          );
          expect(new Set(ids).size).toBe(ids.length);
          for (const block of turn.content ?? []) {
            if ("text" in block && block.text !== undefined)
              expect(block.text.trim().length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
