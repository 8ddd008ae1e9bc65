import { ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, HAIKU } from "./__fixtures__/bearer-client.js";
import type { Emulator } from "./emulator.js";
import { startEmulator } from "./start-emulator.js";

describe("Converse and ConverseStream with the real SDK over HTTP/2", () => {
  let emulator: Emulator;
  let key: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    key = emulator.keys.issueLongTermKey({ userName: "alice" });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers Converse with a message, stop reason, usage and a request id", async () => {
    const client = bearerClient(emulator, key);
    const response = await client.send(
      new ConverseCommand({
        modelId: HAIKU,
        messages: [{ role: "user", content: [{ text: "Hello there" }] }],
      }),
    );
    expect(response.output?.message?.role).toBe("assistant");
    expect(response.output?.message?.content?.[0]?.text?.length).toBeGreaterThan(0);
    expect(response.stopReason).toBe("end_turn");
    expect(response.usage?.totalTokens).toBe(
      (response.usage?.inputTokens ?? 0) + (response.usage?.outputTokens ?? 0),
    );
    expect(response.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const entry = emulator.audit().at(-1);
    expect(entry).toMatchObject({
      operation: "Converse",
      modelId: HAIKU,
      status: 200,
      httpVersion: "2.0",
      attempt: 1,
    });
    expect(entry?.requestId).toBe(response.$metadata.requestId);
    client.destroy();
  });

  it("answers with JSON valid for outputConfig.textFormat's schema", async () => {
    const client = bearerClient(emulator, key);
    const schema = {
      type: "object",
      properties: { city: { type: "string" }, population: { type: "integer" } },
      required: ["city", "population"],
      additionalProperties: false,
    };
    const response = await client.send(
      new ConverseCommand({
        modelId: HAIKU,
        messages: [{ role: "user", content: [{ text: "Give me a large city and its population." }] }],
        outputConfig: {
          textFormat: {
            type: "json_schema",
            structure: { jsonSchema: { schema: JSON.stringify(schema), name: "city" } },
          },
        },
      }),
    );
    const value = JSON.parse(response.output?.message?.content?.[0]?.text ?? "") as Record<string, unknown>;
    expect(typeof value.city).toBe("string");
    expect(Number.isInteger(value.population)).toBe(true);
    client.destroy();
  });

  it("reports a cache write, then a cache read, for a repeated prefix before a cache point", async () => {
    const client = bearerClient(emulator, key);
    const system = [
      { text: "You are a meticulous assistant. ".repeat(200) },
      { cachePoint: { type: "default" as const } },
    ];
    const ask = (text: string) =>
      client.send(
        new ConverseCommand({ modelId: HAIKU, system, messages: [{ role: "user", content: [{ text }] }] }),
      );
    const first = await ask("First question?");
    const second = await ask("Second question?");
    expect(first.usage?.cacheWriteInputTokens).toBeGreaterThan(0);
    expect(second.usage?.cacheReadInputTokens).toBe(first.usage?.cacheWriteInputTokens);
    client.destroy();
  });

  it("streams ConverseStream events in Bedrock's order", async () => {
    const client = bearerClient(emulator, key);
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: `us.${HAIKU}`,
        messages: [{ role: "user", content: [{ text: "Tell me a short story about a lighthouse keeper" }] }],
      }),
    );
    const kinds: string[] = [];
    let text = "";
    for await (const event of response.stream ?? []) {
      const kind =
        Object.keys(event).find(
          (name) => (event as unknown as Record<string, unknown>)[name] !== undefined,
        ) ?? "";
      kinds.push(kind);
      text += event.contentBlockDelta?.delta?.text ?? "";
    }
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.filter((kind) => kind === "contentBlockDelta").length).toBeGreaterThan(1);
    expect(kinds).not.toContain("contentBlockStart");
    expect(kinds.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    expect(text.length).toBeGreaterThan(0);
    client.destroy();
  });
});
