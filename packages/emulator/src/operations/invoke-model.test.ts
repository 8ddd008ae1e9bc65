import {
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ModelStreamErrorException,
  ValidationException,
} from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, HAIKU } from "../__fixtures__/bearer-client.js";
import type { Emulator } from "../emulator.js";
import { startEmulator } from "../start-emulator.js";

const decoder = new TextDecoder();

describe("InvokeModel, InvokeModelWithResponseStream, CountTokens and ListFoundationModels", () => {
  let emulator: Emulator;
  let key: string;
  let client: ReturnType<typeof bearerClient>;
  beforeAll(async () => {
    emulator = await startEmulator();
    key = emulator.keys.issueLongTermKey();
    client = bearerClient(emulator, key);
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it("answers an Anthropic Messages body with an Anthropic response and token-count headers", async () => {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: HAIKU,
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 200,
          messages: [{ role: "user", content: "Name three rivers in Europe" }],
        }),
      }),
    );
    const body = JSON.parse(decoder.decode(response.body));
    expect(body).toMatchObject({ type: "message", role: "assistant", stop_reason: "end_turn" });
    expect(body.content[0].type).toBe("text");
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(emulator.audit().at(-1)).toMatchObject({ operation: "InvokeModel", status: 200 });
  });

  it("refuses an Anthropic body without max_tokens like Bedrock", async () => {
    const error = await client
      .send(
        new InvokeModelCommand({
          modelId: HAIKU,
          body: JSON.stringify({
            anthropic_version: "bedrock-2023-05-31",
            messages: [{ role: "user", content: "Hi" }],
          }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toContain("required key [max_tokens] not found");
  });

  it("embeds with Titan v2 at the requested dimension, as a unit vector", async () => {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "amazon.titan-embed-text-v2:0",
        body: JSON.stringify({ inputText: "The quick brown fox", dimensions: 256, normalize: true }),
      }),
    );
    const body = JSON.parse(decoder.decode(response.body)) as {
      embedding: number[];
      inputTextTokenCount: number;
    };
    expect(body.embedding).toHaveLength(256);
    expect(Math.hypot(...body.embedding)).toBeCloseTo(1, 6);
    expect(body.inputTextTokenCount).toBeGreaterThan(0);
  });

  it("embeds a batch with Cohere", async () => {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "cohere.embed-english-v3",
        body: JSON.stringify({ texts: ["alpha", "beta"], input_type: "search_document" }),
      }),
    );
    const body = JSON.parse(decoder.decode(response.body)) as {
      embeddings: number[][];
      response_type: string;
    };
    expect(body.response_type).toBe("embeddings_floats");
    expect(body.embeddings.map((vector) => vector.length)).toEqual([1024, 1024]);
  });

  it("refuses a Titan body with an unsupported dimension", async () => {
    const error = await client
      .send(
        new InvokeModelCommand({
          modelId: "amazon.titan-embed-text-v2:0",
          body: JSON.stringify({ inputText: "x", dimensions: 100 }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
  });

  it("streams Anthropic chunks through InvokeModelWithResponseStream", async () => {
    const response = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: HAIKU,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 100,
          messages: [{ role: "user", content: "Say something nice about the sea" }],
        }),
      }),
    );
    const types: string[] = [];
    let text = "";
    for await (const event of response.body ?? []) {
      const chunk = JSON.parse(decoder.decode(event.chunk?.bytes)) as {
        type: string;
        delta?: { text?: string };
      };
      types.push(chunk.type);
      text += chunk.delta?.text ?? "";
    }
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
    expect(text.length).toBeGreaterThan(0);
  });

  it("reports a body that is not JSON as malformed model input", async () => {
    const error = await client
      .send(new InvokeModelCommand({ modelId: HAIKU, body: "not json" }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toMatch(/^Malformed input request: /);
  });

  it("ends an InvokeModelWithResponseStream with a modelStreamErrorException frame on a mid-stream fault", async () => {
    emulator.faults.set({ sequence: ["midStreamError"] });
    const response = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: HAIKU,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 300,
          messages: [{ role: "user", content: "Write two paragraphs about rivers and the sea" }],
        }),
      }),
    );
    const chunks: string[] = [];
    const error = await (async () => {
      for await (const event of response.body ?? []) chunks.push(decoder.decode(event.chunk?.bytes));
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.some((chunk) => chunk.includes("message_stop"))).toBe(false);
  });

  it("counts tokens exactly as Converse reports input tokens", async () => {
    const messages = [
      { role: "user" as const, content: [{ text: "How many tokens is this sentence, roughly?" }] },
    ];
    const counted = await client.send(
      new CountTokensCommand({ modelId: HAIKU, input: { converse: { messages } } }),
    );
    expect(counted.inputTokens).toBeGreaterThan(0);
    const invoked = await client.send(
      new CountTokensCommand({
        modelId: HAIKU,
        input: {
          invokeModel: {
            body: new TextEncoder().encode(
              JSON.stringify({
                anthropic_version: "bedrock-2023-05-31",
                max_tokens: 10,
                messages: [{ role: "user", content: "Hi" }],
              }),
            ),
          },
        },
      }),
    );
    expect(invoked.inputTokens).toBeGreaterThan(0);
  });

  it("lists foundation models with a bearer key, filtered by provider", async () => {
    const response = await fetch(`${emulator.url}/foundation-models?byProvider=Anthropic`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const body = (await response.json()) as { modelSummaries: Array<{ modelId: string; modelArn: string }> };
    expect(response.status).toBe(200);
    expect(body.modelSummaries.map((summary) => summary.modelId)).toContain(HAIKU);
    expect(body.modelSummaries.every((summary) => summary.modelId.startsWith("anthropic."))).toBe(true);
    expect(emulator.audit().at(-1)).toMatchObject({ operation: "ListFoundationModels", httpVersion: "1.1" });
  });

  it("refuses an unknown model with a 400 ValidationException", async () => {
    const error = await client
      .send(new InvokeModelCommand({ modelId: "acme.unknown-model-v1:0", body: "{}" }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).message).toBe("The provided model identifier is invalid.");
    expect((error as ValidationException).$metadata.httpStatusCode).toBe(400);
  });
});
