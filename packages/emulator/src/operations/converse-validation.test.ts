import {
  ConverseCommand,
  type ConverseCommandInput,
  ValidationException,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, HAIKU } from "../__fixtures__/bearer-client.js";
import type { Emulator } from "../emulator.js";
import { startEmulator } from "../start-emulator.js";

const user = (text: string) => ({ role: "user" as const, content: [{ text }] });
const assistant = (text: string) => ({ role: "assistant" as const, content: [{ text }] });

describe("Converse request validation follows the Converse API's constraints", () => {
  let emulator: Emulator;
  let client: ReturnType<typeof bearerClient>;
  const refusal = async (input: Omit<ConverseCommandInput, "modelId">, modelId = HAIKU) => {
    const error = await client
      .send(new ConverseCommand({ modelId, ...input }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).$metadata.httpStatusCode).toBe(400);
    return (error as ValidationException).message;
  };
  beforeAll(async () => {
    emulator = await startEmulator();
    client = bearerClient(emulator, emulator.keys.issueLongTermKey(), { maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it("requires the conversation to start with a user message", async () => {
    expect(await refusal({ messages: [assistant("Hi")] })).toBe(
      "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
    );
  });

  it("requires alternating roles", async () => {
    expect(await refusal({ messages: [user("a"), user("b")] })).toContain(
      "must alternate between user and assistant",
    );
  });

  it("requires maxTokens >= 1 and temperature <= 1, in coral's words", async () => {
    expect(await refusal({ messages: [user("a")], inferenceConfig: { maxTokens: 0 } })).toBe(
      "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(await refusal({ messages: [user("a")], inferenceConfig: { temperature: 1.5 } })).toContain(
      "Member must have value less than or equal to 1",
    );
  });

  it("requires tool names to match [a-zA-Z0-9_-]+", async () => {
    const message = await refusal({
      messages: [user("a")],
      toolConfig: { tools: [{ toolSpec: { name: "bad name", inputSchema: { json: { type: "object" } } } }] },
    });
    expect(message).toContain("at 'toolConfig.tools.1.member.toolSpec.name'");
    expect(message).toContain("regular expression pattern: [a-zA-Z0-9_-]+");
  });

  it("requires toolResult blocks to answer the previous turn's toolUse ids", async () => {
    const tools = [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object" } } } }];
    const message = await refusal({
      messages: [
        user("look it up"),
        { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_a", name: "lookup", input: {} } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "tooluse_b", content: [{ text: "x" }] } }] },
      ],
      toolConfig: { tools },
    });
    expect(message).toBe("Expected toolResult blocks at messages.2.content for the following Ids: tooluse_a");
  });

  it("refuses toolChoice any for a model that does not support it", async () => {
    const message = await refusal(
      {
        messages: [user("a")],
        toolConfig: {
          tools: [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object" } } } }],
          toolChoice: { any: {} },
        },
      },
      "meta.llama3-1-8b-instruct-v1:0",
    );
    expect(message).toContain("doesn't support the toolConfig.toolChoice.any field");
  });

  it("refuses an image for a text-only model and accepts it for a vision model", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const messages = [
      {
        role: "user" as const,
        content: [{ text: "What is this?" }, { image: { format: "png" as const, source: { bytes: png } } }],
      },
    ];
    expect(await refusal({ messages })).toContain("doesn't support the image content block");
    const response = await client.send(
      new ConverseCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages }),
    );
    expect(response.usage?.inputTokens).toBeGreaterThan(1000);
  });

  it("refuses an embedding model on Converse", async () => {
    expect(await refusal({ messages: [user("a")] }, "amazon.titan-embed-text-v2:0")).toContain(
      "doesn't support the model that you provided",
    );
  });
});
