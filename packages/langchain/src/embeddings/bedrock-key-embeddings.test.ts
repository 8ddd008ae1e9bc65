import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BedrockKeyEmbeddings } from "./bedrock-key-embeddings.js";

let emulator: Emulator;
let apiKey: string;
beforeAll(async () => {
  emulator = await startEmulator();
  apiKey = emulator.keys.issueLongTermKey();
});
afterAll(async () => {
  await emulator.close();
});

describe("BedrockKeyEmbeddings", () => {
  it("embeds with Titan v2 (one call per text) honouring dimensions", async () => {
    const embeddings = new BedrockKeyEmbeddings({
      apiKey,
      endpoint: emulator.url,
      region: emulator.region,
      dimensions: 256,
      env: {},
    });
    emulator.clearAudit();
    const vectors = await embeddings.embedDocuments(["alpha", "beta", "gamma"]);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) expect(vector).toHaveLength(256);
    const query = await embeddings.embedQuery("alpha");
    expect(query).toEqual(vectors[0]);
    expect(emulator.audit().filter((entry) => entry.operation === "InvokeModel")).toHaveLength(4);
    embeddings.close();
  });

  it("embeds with Cohere in batches", async () => {
    const embeddings = new BedrockKeyEmbeddings({
      model: "cohere.embed-english-v3",
      apiKey,
      endpoint: emulator.url,
      region: emulator.region,
      batchSize: 2,
      env: {},
    });
    emulator.clearAudit();
    const vectors = await embeddings.embedDocuments(["a", "b", "c", "d", "e"]);
    expect(vectors).toHaveLength(5);
    expect(vectors[0]).toHaveLength(1024);
    expect(emulator.audit()).toHaveLength(3);
    expect((await embeddings.embedQuery("a")).length).toBe(1024);
    embeddings.close();
  });
});
