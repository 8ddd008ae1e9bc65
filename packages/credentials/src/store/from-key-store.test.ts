import { describe, expect, it } from "vitest";
import { parseBedrockApiKey } from "../key/parse-bedrock-api-key.js";
import { makeLongTermKey } from "./__fixtures__/test-keys.js";
import { KeyNotFoundError } from "./errors/key-not-found-error.js";
import { StoredKeyExpiredError } from "./errors/stored-key-expired-error.js";
import { fromKeyStore } from "./from-key-store.js";
import { MemoryKeyStore } from "./memory-key-store.js";

describe("fromKeyStore", () => {
  it("resolves the tenant's active key on every call, so a rotation applies to the next request", async () => {
    const store = new MemoryKeyStore();
    const first = makeLongTermKey().key;
    const second = makeLongTermKey().key;
    await store.put({ tenantId: "acme", key: first });
    await store.put({ tenantId: "globex", key: makeLongTermKey().key });
    const now = () => new Date("2026-03-01T00:00:00Z");
    const provider = fromKeyStore(store, "acme", { now });
    const expiration = new Date("2026-03-01T00:01:00Z"); // short, so SDK clients ask again every request
    expect(await provider()).toEqual({ token: first, expiration });
    await store.rotate("acme", second);
    expect(await provider()).toEqual({ token: second, expiration });
  });

  it("records use, at most once per interval per key", async () => {
    let time = Date.parse("2026-03-01T00:00:00Z");
    const store = new MemoryKeyStore();
    const { fingerprint } = await store.put({ tenantId: "acme", key: makeLongTermKey().key });
    const provider = fromKeyStore(store, "acme", { now: () => new Date(time), markUsedIntervalMs: 60_000 });
    const lastUsed = async () =>
      (await store.list("acme")).find((r) => r.fingerprint === fingerprint)?.lastUsedAt;
    await provider();
    expect(await lastUsed()).toEqual(new Date(time));
    const firstUse = time;
    time += 30_000;
    await provider();
    expect(await lastUsed()).toEqual(new Date(firstUse));
    time += 30_000;
    await provider();
    expect(await lastUsed()).toEqual(new Date(time));
  });

  it("passes a near expiry on and refuses an expired key", async () => {
    let time = Date.parse("2026-03-01T00:00:00Z");
    const store = new MemoryKeyStore({ now: () => new Date(time) });
    const expiresAt = new Date(time + 30_000); // sooner than the 60 s token age, so it is the expiration
    await store.put({ tenantId: "acme", key: parseBedrockApiKey(makeLongTermKey().key), expiresAt });
    const provider = fromKeyStore(store, "acme", { now: () => new Date(time) });
    expect((await provider()).expiration).toEqual(expiresAt);
    time += 30_000;
    await expect(provider()).rejects.toSatisfy(
      (error) => StoredKeyExpiredError.isInstance(error) && error.code === "STORED_KEY_EXPIRED",
    );
  });

  it("says when the tenant has no active key", async () => {
    const store = new MemoryKeyStore();
    await store.put({ tenantId: "acme", key: makeLongTermKey().key });
    await store.revoke("acme");
    await expect(fromKeyStore(store, "acme")()).rejects.toSatisfy(
      (error) => KeyNotFoundError.isInstance(error) && error.code === "NO_ACTIVE_KEY",
    );
  });
});
