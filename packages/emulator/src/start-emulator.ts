import { AuditLog } from "./audit/audit-log.js";
import { Authenticator } from "./auth/authenticator.js";
import { generateTestCredentials, IamCredentialRegistry } from "./auth/iam-credential-registry.js";
import { LongTermKeyRegistry } from "./auth/long-term-key-registry.js";
import type { Emulator } from "./emulator.js";
import {
  type EmulatorOptions,
  faultConfigSchema,
  quotaConfigSchema,
  validateEmulatorOptions,
  validateOptions,
} from "./emulator-options.js";
import { EmulatorOptionsError } from "./errors/emulator-options-error.js";
import { FaultInjector } from "./faults/fault-injector.js";
import { DEFAULT_MODELS, resolveModelId } from "./operations/model-api.js";
import { QuotaLimiter } from "./quotas/quota-limiter.js";
import { ScriptQueue } from "./script/script-queue.js";
import { scriptedResponsesSchema } from "./script/scripted-response-schema.js";
import { createDualProtocolServer } from "./server/dual-protocol-server.js";
import type { EmulatorContext } from "./server/emulator-context.js";
import { createRequestHandler } from "./server/handle-request.js";

/**
 * Starts a local, wire-faithful Bedrock Runtime on one port (HTTP/2 cleartext and HTTP/1.1) that checks Bedrock
 * API keys like Bedrock does, simulates a deterministic model, enforces quotas and injects faults.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * const key = emulator.keys.issueLongTermKey();
 * const client = new BedrockRuntimeClient({
 *   region: emulator.region, endpoint: emulator.url, token: { token: key }, authSchemePreference: ["httpBearerAuth"],
 * });
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  validateEmulatorOptions(options);
  const region = options.region ?? "us-east-1";
  const seed = options.seed ?? 42;
  const now = options.now ?? Date.now;
  const models = options.models ?? DEFAULT_MODELS;
  const longTerm = new LongTermKeyRegistry();
  const iam = new IamCredentialRegistry();
  const testCredentials = generateTestCredentials();
  iam.add({ ...testCredentials, userName: "bedrock-emulator-test" });
  const timers = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();
  const context: EmulatorContext = {
    region,
    seed,
    models,
    now,
    latency: {
      firstTokenMs: options.latency?.firstTokenMs ?? 0,
      tokensPerSecond: options.latency?.tokensPerSecond ?? 0,
    },
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    authenticator: new Authenticator({ longTerm, iam, region }),
    audit: new AuditLog(),
    quotas: new QuotaLimiter(options.quotas ?? {}, now),
    faults: new FaultInjector(options.faults, seed),
    scripts: new ScriptQueue(),
    promptCache: new Set(),
    closed: false,
    sleep(ms) {
      return new Promise((resolve, reject) => {
        const pending = {
          reject,
          timer: setTimeout(() => {
            timers.delete(pending);
            resolve();
          }, ms),
        };
        timers.add(pending);
      });
    },
  };
  const server = createDualProtocolServer(createRequestHandler(context));
  const host = options.host ?? "127.0.0.1";
  const port = await server.listen(options.port ?? 0, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    region,
    close() {
      closed ??= (async () => {
        context.closed = true;
        await server.close();
        // Requests waiting on latency or a slow fault end here; their connections are already gone.
        for (const pending of timers) {
          clearTimeout(pending.timer);
          pending.reject(new Error("emulator closed"));
        }
        timers.clear();
      })();
      return closed;
    },
    keys: {
      issueLongTermKey: (issueOptions) => longTerm.issue(issueOptions),
      revoke: (key) => longTerm.revoke(key),
      setStatus: (key, status) => longTerm.setStatus(key, status),
      status: (key) => longTerm.status(key, now()),
      addIamCredentials: (credentials) => iam.add(credentials),
      testCredentials,
    },
    audit: () => context.audit.entries(),
    clearAudit: () => context.audit.clear(),
    script(modelId, responses) {
      validateOptions(scriptedResponsesSchema, responses, "script");
      const canonical = modelId === "*" ? "*" : resolveModelId(modelId, models)?.modelId;
      if (canonical === undefined) {
        throw new EmulatorOptionsError(
          `script: the model ${JSON.stringify(modelId)} is not in this emulator's catalog; use a catalog id, a profile id or "*".`,
          ["modelId"],
        );
      }
      context.scripts.add(canonical, responses);
    },
    faults: {
      set: (config) => context.faults.set(validateOptions(faultConfigSchema, config, "faults.set")),
      clear: () => context.faults.clear(),
    },
    quotas: { set: (config) => context.quotas.set(validateOptions(quotaConfigSchema, config, "quotas.set")) },
  };
}
