import { fingerprintKey, fromApiKey, mintShortTermKey, parseBedrockApiKey } from "@bedrock-keys/credentials";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatBedrockKey } from "../chat-bedrock-key.js";

const TENANTS = 100;
const CALLS_PER_TENANT = 20;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

/** Tenant `index`'s key, in one of the four forms a platform passes per call. */
async function tenantCredential(index: number): Promise<{ fingerprint: string; configurable: object }> {
  if (index % 2 === 0) {
    const key = emulator.keys.issueLongTermKey({ userName: `tenant-${index}` });
    const configurable = index % 4 === 0 ? { apiKey: key } : { apiKey: parseBedrockApiKey(key) };
    return { fingerprint: fingerprintKey(key), configurable };
  }
  // Each short-term tenant signs with its own IAM user, so no two tenants share a principal.
  const credentials = {
    accessKeyId: `AKIATENANT${String(index).padStart(10, "0")}`,
    secretAccessKey: `tenant-${index}-secret-access-key-000000000000`.slice(0, 40),
  };
  emulator.keys.addIamCredentials({ ...credentials, userName: `tenant-${index}` });
  const key = await mintShortTermKey({ credentials, region: emulator.region });
  const configurable = index % 4 === 1 ? { apiKey: key.reveal() } : { tokenProvider: fromApiKey(key) };
  return { fingerprint: key.fingerprint, configurable };
}

describe("100 tenants x 20 concurrent calls with per-call keys", () => {
  it("sends every request on its own tenant's key, with one shared model and a client pool smaller than the tenants", async () => {
    const tenants = await Promise.all(Array.from({ length: TENANTS }, (_, index) => tenantCredential(index)));
    expect(new Set(tenants.map((tenant) => tenant.fingerprint)).size).toBe(TENANTS);
    // 64 cached clients for 100 tenants: clients are evicted and rebuilt while requests are in flight.
    const model = new ChatBedrockKey({
      model: "amazon.nova-lite-v1:0",
      region: emulator.region,
      endpoint: emulator.url,
      maxClients: 64,
      maxTokens: 4,
      maxRetries: 0,
      env: {},
    });
    emulator.clearAudit();
    try {
      const calls = tenants.flatMap((tenant, index) =>
        Array.from({ length: CALLS_PER_TENANT }, (_, call) =>
          model
            .invoke(`Tenant ${index}, call ${call}: name one colour.`, { configurable: tenant.configurable })
            .then((reply) => ({ tenant: index, requestId: String(reply.response_metadata.requestId) })),
        ),
      );
      const replies = await Promise.all(calls);

      const audit = emulator.audit();
      expect(audit).toHaveLength(TENANTS * CALLS_PER_TENANT);
      expect(audit.every((entry) => entry.status === 200 && entry.operation === "Converse")).toBe(true);
      const fingerprintOf = new Map(audit.map((entry) => [entry.requestId, entry.fingerprint]));
      const wrong = replies.filter(
        (reply) => fingerprintOf.get(reply.requestId) !== tenants[reply.tenant]?.fingerprint,
      );
      expect(wrong).toEqual([]);
      const perTenant = new Map<string, number>();
      for (const entry of audit)
        perTenant.set(entry.fingerprint ?? "", (perTenant.get(entry.fingerprint ?? "") ?? 0) + 1);
      expect(perTenant.size).toBe(TENANTS);
      expect([...perTenant.values()].every((count) => count === CALLS_PER_TENANT)).toBe(true);
      const kinds = new Set(audit.map((entry) => entry.keyKind));
      expect(kinds).toEqual(new Set(["long-term", "short-term"]));
    } finally {
      model.close();
    }
  }, 90_000); // about 15 s alone on 2 cores (2,000 real SDK calls); headroom for a loaded CI machine
});
