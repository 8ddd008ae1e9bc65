import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { ClientPool } from "./client-pool.js";

function fakeClient(log: string[], name: string) {
  return { destroy: () => log.push(`destroy ${name}`) } as unknown as BedrockRuntimeClient;
}

describe("ClientPool", () => {
  it("reuses a client per key and evicts the least recently used, destroying it", () => {
    const log: string[] = [];
    const pool = new ClientPool(2);
    const a = pool.acquire("a", () => fakeClient(log, "a"));
    a.release();
    pool.acquire("b", () => fakeClient(log, "b")).release();
    expect(pool.acquire("a", () => fakeClient(log, "a2")).client).toBe(a.client);
    pool.acquire("c", () => fakeClient(log, "c")).release();
    expect(log).toEqual(["destroy b"]);
    expect(pool.size).toBe(2);
  });

  it("destroys an evicted client only after its in-flight request is released", () => {
    const log: string[] = [];
    const pool = new ClientPool(1);
    const busy = pool.acquire("a", () => fakeClient(log, "a"));
    pool.acquire("b", () => fakeClient(log, "b")).release();
    expect(log).toEqual([]);
    busy.release();
    busy.release();
    expect(log).toEqual(["destroy a"]);
  });
});
