import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBedrockRuntimeClient } from "../client/create-bedrock-runtime-client.js";
import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { RegionMismatchError } from "../errors/region-mismatch-error.js";
import { mintShortTermKey } from "../mint/mint-short-term-key.js";
import { leakedWindows } from "../store/__fixtures__/test-keys.js";
import { KeyNotFoundError } from "../store/errors/key-not-found-error.js";
import { fromKeyStore } from "../store/from-key-store.js";
import { MasterKey } from "../store/master-key.js";
import { MemoryKeyStore } from "../store/memory-key-store.js";
import { SqliteKeyStore } from "../store/sqlite-key-store.js";
import { OnboardingVerificationError } from "./errors/onboarding-verification-error.js";
import { onboardKey } from "./onboard-key.js";

/** Everything an error shows: message, fields and the whole cause chain. */
function dumpError(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current !== undefined && current !== null; ) {
    parts.push(
      String(current),
      inspect(current, { depth: 6, showHidden: true }),
      JSON.stringify(current) ?? "",
    );
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected onboarding to fail");
}

describe("onboardKey against the emulator", () => {
  let emulator: Emulator;
  let store: MemoryKeyStore;
  const base = () => ({ store, endpoint: emulator.url, region: "us-east-1", env: {} });

  beforeAll(async () => {
    emulator = await startEmulator({ region: "us-east-1" });
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => {
    store = new MemoryKeyStore();
    emulator.clearAudit();
  });

  it("verifies, describes and stores a good long-term key", async () => {
    const pasted = emulator.keys.issueLongTermKey({ accountId: "210987654321" });
    const now = new Date();
    const report = await onboardKey({ ...base(), tenantId: "acme", pasted: `  Bearer ${pasted}\n`, now });
    expect(report).toMatchObject({
      tenantId: "acme",
      kind: "long-term",
      region: "us-east-1",
      accountId: "210987654321",
      verifiedAt: now,
      verifiedWith: { operation: "CountTokens", modelId: "amazon.nova-lite-v1:0" },
      warnings: [],
      retired: [],
    });
    expect(report.redacted).toMatch(/^ABSK…\([0-9a-f]{8}\)$/);
    expect(report.models.map((model) => model.modelId)).toContain("anthropic.claude-3-5-haiku-20241022-v1:0");
    expect(report.models.find((model) => model.access === "verified")?.modelId).toBe("amazon.nova-lite-v1:0");
    expect((await store.get("acme"))?.key.reveal()).toBe(pasted);
    expect(emulator.audit().map((entry) => [entry.operation, entry.status, entry.fingerprint])).toEqual([
      ["CountTokens", 200, report.fingerprint],
      ["ListFoundationModels", 200, report.fingerprint],
    ]);
  });

  it("accepts a short-term key minted from IAM credentials, and warns that it lives hours", async () => {
    const key = await mintShortTermKey({ credentials: emulator.keys.testCredentials, region: "us-east-1" });
    const report = await onboardKey({
      ...base(),
      tenantId: "acme",
      pasted: key.reveal(),
      region: undefined!,
    });
    expect(report).toMatchObject({ kind: "short-term", region: "us-east-1", expiresAt: key.expiresAt });
    expect(report.warnings.map((warning) => warning.code)).toEqual(["SHORT_TERM_KEY"]);
    expect(report.warnings[0]?.message).toMatch(/12\.0 hours.*long-term key/);
  });

  it("warns when a long-term key expires within 7 days", async () => {
    const expiresAt = new Date(Date.now() + 3 * 86_400_000);
    const pasted = emulator.keys.issueLongTermKey({ expiresAt });
    const report = await onboardKey({ ...base(), tenantId: "acme", pasted, expiresAt });
    expect(report.warnings.map((warning) => warning.code)).toEqual(["EXPIRES_SOON"]);
    expect((await store.list("acme"))[0]?.expiresAt).toEqual(expiresAt);
  });

  it.each([
    [
      "expired",
      () => emulator.keys.issueLongTermKey({ expiresAt: new Date(Date.now() - 60_000) }),
      "EXPIRED_OR_WRONG_REGION",
    ],
    [
      "revoked",
      () => {
        const key = emulator.keys.issueLongTermKey();
        emulator.keys.revoke(key);
        return key;
      },
      "EXPIRED_OR_WRONG_REGION",
    ],
    ["denied by policy", () => emulator.keys.issueLongTermKey({ deniedByPolicy: true }), "DENIED_BY_POLICY"],
    [
      "missing permission",
      () => emulator.keys.issueLongTermKey({ missingPermission: true }),
      "MISSING_PERMISSION",
    ],
  ] as const)("refuses a %s key with the reason and stores nothing", async (_name, issue, reason) => {
    const pasted = issue();
    const error = await failureOf(onboardKey({ ...base(), tenantId: "acme", pasted }));
    expect(OnboardingVerificationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "ONBOARDING_VERIFICATION_FAILED", reason, tenantId: "acme" });
    expect((error as OnboardingVerificationError).remediation.length).toBeGreaterThan(20);
    expect(await store.list()).toEqual([]);
    expect(leakedWindows(dumpError(error), pasted)).toEqual([]);
  });

  it("refuses a short-term key from another region", async () => {
    const key = await mintShortTermKey({ credentials: emulator.keys.testCredentials, region: "eu-west-1" });
    const error = await failureOf(
      onboardKey({ ...base(), region: undefined!, tenantId: "acme", pasted: key.reveal() }),
    );
    expect(error).toMatchObject({
      code: "ONBOARDING_VERIFICATION_FAILED",
      reason: "EXPIRED_OR_WRONG_REGION",
    });
    expect(leakedWindows(dumpError(error), key.reveal())).toEqual([]);
    // An explicit region that contradicts the key is refused before any request.
    const mismatch = await failureOf(onboardKey({ ...base(), tenantId: "acme", pasted: key.reveal() }));
    expect(RegionMismatchError.isInstance(mismatch)).toBe(true);
  });

  it("passes parse errors through unchanged: an expired short-term key, an AWS access key id", async () => {
    const old = await mintShortTermKey({
      credentials: emulator.keys.testCredentials,
      region: "us-east-1",
      now: new Date(Date.now() - 13 * 3_600_000),
    });
    const expired = await failureOf(
      onboardKey({ ...base(), region: undefined!, tenantId: "acme", pasted: old.reveal() }),
    );
    expect(BedrockKeyFormatError.isInstance(expired) && expired.code === "EXPIRED").toBe(true);
    const accessKey = await failureOf(
      onboardKey({ ...base(), tenantId: "acme", pasted: "AKIAIOSFODNN7EXAMPLE" }),
    );
    expect(BedrockKeyFormatError.isInstance(accessKey)).toBe(true);
    expect(emulator.audit()).toEqual([]);
  });

  it("fails with MODEL_ACCESS_DENIED when the key may not call the probe model", async () => {
    const pasted = emulator.keys.issueLongTermKey({ allowedModels: ["amazon.*"] });
    const error = await failureOf(
      onboardKey({
        ...base(),
        tenantId: "acme",
        pasted,
        probeModel: "anthropic.claude-3-5-haiku-20241022-v1:0",
      }),
    );
    expect(error).toMatchObject({
      reason: "MODEL_ACCESS_DENIED",
      modelId: undefined,
      message: expect.stringContaining("anthropic.claude-3-5-haiku-20241022-v1:0"),
    });
  });

  it("moves on to the next probe model when one is not allowed, and reports which were denied", async () => {
    const pasted = emulator.keys.issueLongTermKey({ allowedModels: ["meta.*"] });
    const report = await onboardKey({ ...base(), tenantId: "acme", pasted });
    expect(report.verifiedWith).toEqual({
      operation: "CountTokens",
      modelId: "meta.llama3-1-8b-instruct-v1:0",
    });
    const access = Object.fromEntries(report.models.map((model) => [model.modelId, model.access]));
    expect(access).toMatchObject({
      "amazon.nova-lite-v1:0": "denied",
      "anthropic.claude-3-5-haiku-20241022-v1:0": "denied",
      "meta.llama3-1-8b-instruct-v1:0": "verified",
    });
  });

  it("says UNVERIFIED when no probe model gives an answer, and stores nothing", async () => {
    const pasted = emulator.keys.issueLongTermKey();
    const error = await failureOf(
      onboardKey({ ...base(), tenantId: "acme", pasted, probeModel: "acme.no-such-model-v1:0" }),
    );
    expect(error).toMatchObject({ code: "ONBOARDING_VERIFICATION_FAILED", reason: "UNVERIFIED" });
    expect((error as Error).cause).toMatchObject({ name: "ValidationException" });
    expect(await store.list()).toEqual([]);
  });

  it("gives up as UNVERIFIED when Bedrock does not answer within timeoutMs", async () => {
    // A loopback server that accepts connections and never answers.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const pasted = emulator.keys.issueLongTermKey();
      const error = await failureOf(
        onboardKey({
          ...base(),
          endpoint: `http://127.0.0.1:${port}`,
          tenantId: "acme",
          pasted,
          timeoutMs: 300,
        }),
      );
      expect(error).toMatchObject({ code: "ONBOARDING_VERIFICATION_FAILED", reason: "UNVERIFIED" });
      expect(await store.list()).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("accepts a working key whose models cannot be listed, with a warning", async () => {
    const closed = await startEmulator();
    const unreachable = closed.url;
    await closed.close();
    const pasted = emulator.keys.issueLongTermKey();
    const report = await onboardKey({
      ...base(),
      tenantId: "acme",
      pasted,
      controlPlaneEndpoint: unreachable,
    });
    expect(report.warnings.map((warning) => warning.code)).toEqual(["MODELS_NOT_LISTED"]);
    expect(report.models).toEqual([{ modelId: "amazon.nova-lite-v1:0", access: "verified" }]);
    expect((await store.get("acme"))?.key.reveal()).toBe(pasted);
  });

  it("replaces the tenant's previous key, and refreshes the same key on a second onboarding", async () => {
    const first = emulator.keys.issueLongTermKey();
    const second = emulator.keys.issueLongTermKey();
    const one = await onboardKey({ ...base(), tenantId: "acme", pasted: first });
    const again = await onboardKey({ ...base(), tenantId: "acme", pasted: first });
    expect(again.retired).toEqual([]);
    const two = await onboardKey({ ...base(), tenantId: "acme", pasted: second });
    expect(two.retired).toEqual([one.fingerprint]);
    expect((await store.get("acme"))?.key.reveal()).toBe(second);
  });

  it("stores without a live call when verify is false, and says so", async () => {
    const report = await onboardKey({
      ...base(),
      tenantId: "acme",
      pasted: emulator.keys.issueLongTermKey(),
      verify: false,
    });
    expect(report.verifiedAt).toBeUndefined();
    expect(report.warnings.map((warning) => warning.code)).toEqual(["NOT_VERIFIED"]);
    expect(emulator.audit()).toEqual([]);
  });

  it("canary: no 8-character run of the secret in the report, the errors or the SQLite file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "bk-onboard-"));
    const path = join(directory, "keys.db");
    const sqlite = new SqliteKeyStore({ path, masterKey: MasterKey.generate() });
    try {
      const good = emulator.keys.issueLongTermKey();
      const report = await onboardKey({ ...base(), store: sqlite, tenantId: "acme", pasted: good });
      const short = await mintShortTermKey({
        credentials: emulator.keys.testCredentials,
        region: "us-east-1",
      });
      const shortReport = await onboardKey({
        ...base(),
        store: sqlite,
        region: undefined!,
        tenantId: "beta",
        pasted: short.reveal(),
      });
      const revoked = emulator.keys.issueLongTermKey();
      emulator.keys.revoke(revoked);
      const error = await failureOf(
        onboardKey({ ...base(), store: sqlite, tenantId: "gamma", pasted: revoked }),
      );
      const shown = [report, shortReport]
        .map((value) => JSON.stringify(value) + inspect(value, { depth: 6 }))
        .join();
      const files = ["", "-wal"].map((suffix) => readFileSync(path + suffix).toString("latin1")).join();
      for (const key of [good, short.reveal(), revoked]) {
        expect(leakedWindows(shown + dumpError(error) + files, key)).toEqual([]);
      }
      expect((await sqlite.get("beta"))?.key.reveal()).toBe(short.reveal());
    } finally {
      sqlite.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("runs a client as the tenant through fromKeyStore, until the key is revoked", async () => {
    const pasted = emulator.keys.issueLongTermKey();
    const report = await onboardKey({ ...base(), tenantId: "acme", pasted });
    const client = createBedrockRuntimeClient({
      tokenProvider: fromKeyStore(store, "acme"),
      region: "us-east-1",
      endpoint: emulator.url,
      env: {},
    });
    try {
      emulator.clearAudit();
      const reply = await client.send(
        new ConverseCommand({
          modelId: "amazon.nova-lite-v1:0",
          messages: [{ role: "user", content: [{ text: "Hi" }] }],
        }),
      );
      expect(reply.output?.message?.role).toBe("assistant");
      expect(emulator.audit().map((entry) => entry.fingerprint)).toEqual([report.fingerprint]);
      expect((await store.list("acme"))[0]?.lastUsedAt).toBeInstanceOf(Date);
      await store.revoke("acme");
      const error = await failureOf(
        client.send(
          new ConverseCommand({
            modelId: "amazon.nova-lite-v1:0",
            messages: [{ role: "user", content: [{ text: "Hi" }] }],
          }),
        ),
      );
      expect(KeyNotFoundError.isInstance(error) && error.code === "NO_ACTIVE_KEY").toBe(true);
    } finally {
      client.destroy();
    }
  });
});
