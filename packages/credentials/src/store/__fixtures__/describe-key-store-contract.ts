import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { BedrockKeyFormatError } from "../../errors/bedrock-key-format-error.js";
import { parseBedrockApiKey } from "../../key/parse-bedrock-api-key.js";
import { KeyNotFoundError } from "../errors/key-not-found-error.js";
import { KeyRotationError } from "../errors/key-rotation-error.js";
import { KeyStoreConflictError } from "../errors/key-store-conflict-error.js";
import { KeyStoreInputError } from "../errors/key-store-input-error.js";
import type { KeyStore } from "../key-store.js";
import { leakedWindows, makeLongTermKey } from "./test-keys.js";

/** What a contract test needs from an implementation: a fresh store, and a way to dispose of it. */
export interface KeyStoreHarness {
  store: KeyStore;
  dispose(): void | Promise<void>;
}

/** A clock the tests move by hand. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

function makeClock(): TestClock {
  let time = Date.parse("2026-01-01T00:00:00Z");
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
  };
}

/**
 * The behaviour every `KeyStore` implementation must have, as one vitest suite.
 *
 * @example
 * ```ts
 * describeKeyStoreContract("MemoryKeyStore", ({ now }) => ({ store: new MemoryKeyStore({ now }), dispose() {} }));
 * ```
 */
export function describeKeyStoreContract(name: string, factory: (clock: TestClock) => KeyStoreHarness): void {
  describe(`KeyStore contract: ${name}`, () => {
    let harness: KeyStoreHarness | undefined;
    let clock: TestClock;
    const open = (): KeyStore => {
      clock = makeClock();
      harness = factory(clock);
      return harness.store;
    };
    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it("returns the stored key, opened, with its metadata", async () => {
      const store = open();
      const { key } = makeLongTermKey({ accountId: "210987654321" });
      const record = await store.put({ tenantId: "acme", key, verifiedAt: clock.now() });
      expect(record).toMatchObject({
        tenantId: "acme",
        kind: "long-term",
        status: "active",
        accountId: "210987654321",
      });
      const active = await store.get("acme");
      expect(active?.key.reveal()).toBe(key);
      expect(active?.record.fingerprint).toBe(parseBedrockApiKey(key).fingerprint);
      expect(active?.record.createdAt).toEqual(clock.now());
    });

    it("lists metadata only, never a secret", async () => {
      const store = open();
      const first = makeLongTermKey();
      const second = makeLongTermKey();
      await store.put({ tenantId: "acme", key: first.key });
      await store.put({ tenantId: "globex", key: parseBedrockApiKey(second.key) });
      const records = await store.list();
      expect(records.map((record) => record.tenantId)).toEqual(["acme", "globex"]);
      const dumped = JSON.stringify(records) + inspect(records, { depth: 5 });
      expect(leakedWindows(dumped, first.key, first.secret)).toEqual([]);
      expect(leakedWindows(dumped, second.key, second.secret)).toEqual([]);
      expect(Object.keys(records[0] ?? {})).not.toContain("sealed");
    });

    it("keeps tenants apart", async () => {
      const store = open();
      await store.put({ tenantId: "acme", key: makeLongTermKey().key });
      expect(await store.get("globex")).toBeUndefined();
      expect(await store.list("globex")).toEqual([]);
      expect(await store.list("acme")).toHaveLength(1);
    });

    it("allows at most two active keys per tenant and refreshes a key stored twice", async () => {
      const store = open();
      const first = makeLongTermKey().key;
      await store.put({ tenantId: "acme", key: first });
      await store.put({ tenantId: "acme", key: makeLongTermKey().key });
      await store.put({ tenantId: "acme", key: first, verifiedAt: clock.now() });
      const third = store.put({ tenantId: "acme", key: makeLongTermKey().key });
      await expect(third).rejects.toSatisfy(
        (error) => KeyStoreConflictError.isInstance(error) && error.code === "TOO_MANY_ACTIVE_KEYS",
      );
      expect(await store.list("acme")).toHaveLength(2);
      expect((await store.get("acme"))?.key.reveal()).toBe(first); // the verified one wins
    });

    it("rotates: adds the new key, verifies it, retires the old one", async () => {
      const store = open();
      const old = makeLongTermKey().key;
      const next = makeLongTermKey().key;
      await store.put({ tenantId: "acme", key: old, verifiedAt: clock.now() });
      clock.advance(1000);
      const seenDuringVerify: string[] = [];
      const result = await store.rotate("acme", next, {
        verifiedAt: new Date("2099-01-01"), // ignored while verify runs: the new key must not outrank the old one
        verify: async (key) => {
          seenDuringVerify.push((await store.get("acme"))?.key.reveal() ?? "none", key.reveal());
        },
      });
      expect(seenDuringVerify).toEqual([old, next]); // the old key serves until the new one is verified
      expect(result.active.fingerprint).toBe(parseBedrockApiKey(next).fingerprint);
      expect(result.active.verifiedAt).toEqual(clock.now());
      expect(result.retired.map((record) => record.status)).toEqual(["retired"]);
      expect((await store.get("acme"))?.key.reveal()).toBe(next);
      expect((await store.list("acme")).map((record) => record.status)).toEqual(["retired", "active"]);
    });

    it("keeps the old key active when the new one fails verification", async () => {
      const store = open();
      const old = makeLongTermKey().key;
      await store.put({ tenantId: "acme", key: old, verifiedAt: clock.now() });
      const failure = new Error("403 from Bedrock");
      const rotation = store.rotate("acme", makeLongTermKey().key, {
        verify: async () => {
          throw failure;
        },
      });
      await expect(rotation).rejects.toSatisfy(
        (error) => KeyRotationError.isInstance(error) && error.cause === failure,
      );
      expect((await store.get("acme"))?.key.reveal()).toBe(old);
      expect((await store.list("acme")).map((record) => record.status)).toEqual(["active"]);
    });

    it("does not complete a rotation whose new key was revoked while it was being verified", async () => {
      const store = open();
      const old = makeLongTermKey().key;
      await store.put({ tenantId: "acme", key: old, verifiedAt: clock.now() });
      const rotation = store.rotate("acme", makeLongTermKey().key, {
        verify: async (key) => {
          await store.revoke("acme", key.fingerprint);
        },
      });
      await expect(rotation).rejects.toSatisfy(
        (error) => KeyStoreConflictError.isInstance(error) && error.code === "CONCURRENT_CHANGE",
      );
      expect((await store.get("acme"))?.key.reveal()).toBe(old);
    });

    it("rotates without a verify step in one step, and refuses rotating to the active key", async () => {
      const store = open();
      const old = makeLongTermKey().key;
      const next = makeLongTermKey().key;
      await store.rotate("acme", old); // a first rotation is a plain add
      const { retired } = await store.rotate("acme", next, { verifiedAt: clock.now() });
      expect(retired).toHaveLength(1);
      await expect(store.rotate("acme", next)).rejects.toSatisfy(
        (error) => KeyStoreConflictError.isInstance(error) && error.code === "SAME_KEY",
      );
    });

    it("revokes one key or all, and never stores a revoked key again", async () => {
      const store = open();
      const first = makeLongTermKey().key;
      const second = makeLongTermKey().key;
      await store.put({ tenantId: "acme", key: first });
      await store.put({ tenantId: "acme", key: second });
      const [revoked] = await store.revoke("acme", parseBedrockApiKey(second).fingerprint);
      expect(revoked?.status).toBe("revoked");
      expect((await store.get("acme"))?.key.reveal()).toBe(first);
      await expect(store.put({ tenantId: "acme", key: second })).rejects.toSatisfy(
        (error) => KeyStoreConflictError.isInstance(error) && error.code === "KEY_REVOKED",
      );
      expect(await store.revoke("acme")).toHaveLength(1);
      expect(await store.get("acme")).toBeUndefined();
      await expect(store.revoke("acme", "0badf00d")).rejects.toSatisfy(
        (error) => KeyNotFoundError.isInstance(error) && error.code === "KEY_NOT_FOUND",
      );
    });

    it("marks a key used without ever moving lastUsedAt backwards", async () => {
      const store = open();
      const { fingerprint } = await store.put({ tenantId: "acme", key: makeLongTermKey().key });
      const later = new Date(clock.now().getTime() + 60_000);
      await store.markUsed("acme", fingerprint, later);
      await store.markUsed("acme", fingerprint, clock.now());
      expect((await store.list("acme"))[0]?.lastUsedAt).toEqual(later);
      await expect(store.markUsed("acme", "0badf00d")).rejects.toSatisfy((error) =>
        KeyNotFoundError.isInstance(error),
      );
    });

    it("validates tenant ids and keys without echoing them", async () => {
      const store = open();
      const bad = store.get("no spaces allowed");
      await expect(bad).rejects.toSatisfy(
        (error) => KeyStoreInputError.isInstance(error) && !error.message.includes("no spaces allowed"),
      );
      const { key, secret } = makeLongTermKey();
      const truncated = store.put({ tenantId: "acme", key: key.slice(0, 70) });
      await expect(truncated).rejects.toSatisfy(
        (error) =>
          BedrockKeyFormatError.isInstance(error) && leakedWindows(inspect(error), key, secret).length === 0,
      );
      expect(await store.list()).toEqual([]);
    });
  });
}
