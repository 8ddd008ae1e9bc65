import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { ChatBedrockConverse } from "@langchain/aws";
import { HumanMessage } from "@langchain/core/messages";
import { generateText, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, HAIKU, NOVA } from "./__fixtures__/bearer-client.js";
import type { Emulator } from "./emulator.js";
import { startEmulator } from "./start-emulator.js";

const run = promisify(execFile);

describe("clients nobody here wrote work against the emulator unchanged", () => {
  let emulator: Emulator;
  let key: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    key = emulator.keys.issueLongTermKey();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("curl with the body of AWS's API-key announcement example (HTTP/1.1)", async () => {
    const { stdout } = await run("curl", [
      "-sS",
      "-D",
      "-",
      "-X",
      "POST",
      `${emulator.url}/model/${HAIKU}/converse`,
      "-H",
      "Content-Type: application/json",
      "-H",
      `Authorization: Bearer ${key}`,
      "-d",
      '{"messages":[{"role":"user","content":[{"text":"Hello"}]}]}',
    ]);
    const [head = "", json = ""] = stdout.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head).toMatch(/\r\nx-amzn-RequestId: [0-9a-f-]{36}\r\n/);
    const body = JSON.parse(json) as {
      output: { message: { content: Array<{ text: string }> } };
      stopReason: string;
    };
    expect(body.stopReason).toBe("end_turn");
    expect(body.output.message.content[0]?.text.length).toBeGreaterThan(0);
    expect(emulator.audit().at(-1)).toMatchObject({ httpVersion: "1.1", status: 200, operation: "Converse" });
  });

  it("@ai-sdk/amazon-bedrock generateText and streamText with apiKey over HTTP/1.1", async () => {
    const bedrock = createAmazonBedrock({ apiKey: key, region: emulator.region, baseURL: emulator.url });
    const generated = await generateText({
      model: bedrock(NOVA),
      prompt: "Describe a quiet harbour at dawn.",
    });
    expect(generated.text.length).toBeGreaterThan(0);
    expect(generated.usage.inputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model: bedrock(HAIKU), prompt: "Tell me about lighthouses." });
    let text = "";
    for await (const part of streamed.textStream) text += part;
    expect(text.length).toBeGreaterThan(0);
    expect(await streamed.finishReason).toBe("stop");
    const entries = emulator.audit().slice(-2);
    expect(entries.map((entry) => [entry.operation, entry.httpVersion, entry.status])).toEqual([
      ["Converse", "1.1", 200],
      ["ConverseStream", "1.1", 200],
    ]);
  });

  it("@langchain/aws ChatBedrockConverse with an injected bearer-auth client (invoke and stream)", async () => {
    const client = bearerClient(emulator, key);
    const model = new ChatBedrockConverse({ model: HAIKU, region: emulator.region, client });
    const reply = await model.invoke([new HumanMessage("What is a good name for a cat?")]);
    expect(typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content)).not.toBe("");
    const usage = (reply as unknown as { usage_metadata?: { input_tokens?: number } }).usage_metadata;
    expect(usage?.input_tokens).toBeGreaterThan(0);
    let streamed = "";
    for await (const chunk of await model.stream([new HumanMessage("Count to three.")])) {
      if (typeof chunk.content === "string") streamed += chunk.content;
    }
    expect(streamed.length).toBeGreaterThan(0);
    expect(
      emulator
        .audit()
        .slice(-2)
        .map((entry) => entry.httpVersion),
    ).toEqual(["2.0", "2.0"]);
    client.destroy();
  });
});
