import { connect } from "node:net";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bearerClient, HAIKU } from "../__fixtures__/bearer-client.js";
import type { Emulator } from "../emulator.js";
import { startEmulator } from "../start-emulator.js";

describe("malformed input gets a clean 4xx and the server stays healthy", () => {
  let emulator: Emulator;
  let key: string;
  const url = () => `${emulator.url}/model/${encodeURIComponent(HAIKU)}/converse`;
  const post = (body: string | Uint8Array, contentType = "application/json") =>
    fetch(url(), {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": contentType },
      body,
    });
  const healthy = async () => {
    const response = await post(
      JSON.stringify({ messages: [{ role: "user", content: [{ text: "still there?" }] }] }),
    );
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ maxBodyBytes: 1024 * 1024 });
    key = emulator.keys.issueLongTermKey();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("refuses a body over the size limit over HTTP/1.1", async () => {
    const response = await post("x".repeat(1024 * 1024 + 10));
    expect(response.status).toBe(413);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ValidationException:/);
    expect(((await response.json()) as { message: string }).message).toContain("maximum allowed size");
    await healthy();
  });

  it("refuses a body over the size limit over HTTP/2 with the SDK", async () => {
    const client = bearerClient(emulator, key, { maxAttempts: 1 });
    const error = await client
      .send(
        new ConverseCommand({
          modelId: HAIKU,
          messages: [{ role: "user", content: [{ text: "y".repeat(1_100_000) }] }],
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 413 } });
    const response = await client.send(
      new ConverseCommand({ modelId: HAIKU, messages: [{ role: "user", content: [{ text: "ok?" }] }] }),
    );
    expect(response.stopReason).toBe("end_turn");
    client.destroy();
  });

  it("answers invalid JSON with a 400 SerializationException", async () => {
    const response = await post('{"messages": [');
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^SerializationException:/);
    await healthy();
  });

  it("answers invalid UTF-8 with a 400", async () => {
    const response = await post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(response.status).toBe(400);
    await healthy();
  });

  it("answers a non-JSON content type with a 415", async () => {
    const response = await post("messages=hello", "application/x-www-form-urlencoded");
    expect(response.status).toBe(415);
    await healthy();
  });

  it("answers an unknown path with a 404 and a request id", async () => {
    const response = await fetch(`${emulator.url}/nope`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
  });

  it("records a request whose client went away mid-body, and stays healthy", async () => {
    emulator.clearAudit();
    const port = Number(new URL(emulator.url).port);
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          `POST /model/${encodeURIComponent(HAIKU)}/converse HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"messages":',
          () => socket.destroy(),
        );
      });
      socket.on("close", () => resolve());
    });
    await vi.waitFor(() => expect(emulator.audit()).toHaveLength(1));
    expect(emulator.audit()[0]).toMatchObject({ operation: "Converse", status: 0 });
    await healthy();
  });

  it("survives bytes that are not HTTP at all", async () => {
    const port = Number(new URL(emulator.url).port);
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("\x00\x01\x02 garbage \r\n\r\n"));
      socket.on("data", () => undefined);
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    await healthy();
  });
});
