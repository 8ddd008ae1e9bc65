import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { serveChild } from "../support/child.js";

/** What the load generator is asked to do: one protocol, one operation, for a while, with N callers. */
export interface LoadInput {
  url: string;
  region: string;
  key: string;
  modelId: string;
  protocol: "http2" | "http1";
  operation: "converse" | "stream";
  /** Load before counting starts, so the server's and client's JIT are warm. */
  warmupMs: number;
  durationMs: number;
  concurrency: number;
}

export interface LoadOutput {
  requests: number;
  chunks: number;
  errors: number;
  firstError?: string;
  seconds: number;
}

const body = { messages: [{ role: "user", content: [{ text: "Tell me about load testing." }] }] };

/** Counts event-stream frames in a byte stream by their prelude (total length, u32 big-endian). */
async function countFrames(stream: ReadableStream<Uint8Array>): Promise<number> {
  let frames = 0;
  let buffer = Buffer.alloc(0);
  for await (const piece of stream) {
    buffer = buffer.length === 0 ? Buffer.from(piece) : Buffer.concat([buffer, piece]);
    while (buffer.length >= 4) {
      const length = buffer.readUInt32BE(0);
      if (buffer.length < length) break;
      buffer = buffer.subarray(length);
      frames++;
    }
  }
  return frames;
}

function http2Call(input: LoadInput): () => Promise<number> {
  const client = new BedrockRuntimeClient({
    region: input.region,
    endpoint: input.url,
    token: { token: input.key },
    authSchemePreference: ["httpBearerAuth"],
    maxAttempts: 1,
  });
  const request = { modelId: input.modelId, messages: body.messages as never };
  if (input.operation === "converse") {
    return async () => {
      await client.send(new ConverseCommand(request));
      return 0;
    };
  }
  return async () => {
    const response = await client.send(new ConverseStreamCommand(request));
    let chunks = 0;
    for await (const _event of response.stream ?? []) chunks++;
    return chunks;
  };
}

function http1Call(input: LoadInput): () => Promise<number> {
  const path = input.operation === "converse" ? "converse" : "converse-stream";
  const url = `${input.url}/model/${encodeURIComponent(input.modelId)}/${path}`;
  const init = {
    method: "POST",
    headers: { authorization: `Bearer ${input.key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  };
  return async () => {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    if (input.operation === "converse") {
      await response.arrayBuffer();
      return 0;
    }
    return countFrames(response.body!);
  };
}

serveChild<LoadInput, LoadOutput>(async (input) => {
  const call = input.protocol === "http2" ? http2Call(input) : http1Call(input);
  const output: LoadOutput = { requests: 0, chunks: 0, errors: 0, seconds: 0 };
  const counting = performance.now() + input.warmupMs;
  const deadline = counting + input.durationMs;
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      while (performance.now() < deadline) {
        try {
          const chunks = await call();
          if (performance.now() < counting) continue;
          output.chunks += chunks;
          output.requests++;
        } catch (error) {
          output.errors++;
          output.firstError ??= error instanceof Error ? error.message.slice(0, 200) : String(error);
        }
      }
    }),
  );
  output.seconds = (performance.now() - counting) / 1000;
  return output;
});
