import { z } from "zod";
import { EmulatorOptionsError } from "./errors/emulator-options-error.js";
import type { FaultConfig } from "./faults/fault-injector.js";
import type { ModelInfo } from "./model/types.js";
import type { QuotaConfig } from "./quotas/quota-limiter.js";

/** Options of {@link startEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port; default 0 (any free port). */
  port?: number | undefined;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string | undefined;
  /** The region the emulator pretends to be; short-term keys from other regions are refused. Default `us-east-1`. */
  region?: string | undefined;
  /** Seed of the simulated model and of fault rates; default 42. */
  seed?: number | undefined;
  /** Simulated latency; zero by default. */
  latency?: { firstTokenMs?: number | undefined; tokensPerSecond?: number | undefined } | undefined;
  /** Per key and model quotas; none by default. */
  quotas?: QuotaConfig | undefined;
  /** Faults to inject from the start. */
  faults?: FaultConfig | undefined;
  /** The model catalog; default `DEFAULT_MODELS`. */
  models?: ModelInfo[] | undefined;
  /** Clock in ms, for key expiry, quotas and audit times; default `Date.now`. */
  now?: (() => number) | undefined;
  /** Largest request body accepted; default 10 MiB. */
  maxBodyBytes?: number | undefined;
}

const faultKind = z.enum([
  "throttling",
  "serviceUnavailable",
  "internalServer",
  "modelNotReady",
  "modelTimeout",
  "midStreamError",
  "connectionReset",
  "slow",
]);

/** Strict schema of {@link FaultConfig}. */
export const faultConfigSchema = z.strictObject({
  rates: z.partialRecord(faultKind, z.number().min(0).max(1)).optional(),
  sequence: z.array(faultKind.nullable()).optional(),
  seed: z.number().int().optional(),
  slowMs: z.number().min(0).optional(),
});

/** Strict schema of {@link QuotaConfig}. */
export const quotaConfigSchema = z.strictObject({
  requestsPerMinute: z.number().int().positive().optional(),
  tokensPerMinute: z.number().int().positive().optional(),
});

const optionsSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "an AWS region such as us-east-1")
    .optional(),
  seed: z.number().int().optional(),
  latency: z
    .strictObject({
      firstTokenMs: z.number().min(0).optional(),
      tokensPerSecond: z.number().min(0).optional(),
    })
    .optional(),
  quotas: quotaConfigSchema.optional(),
  faults: faultConfigSchema.optional(),
  models: z
    .array(z.looseObject({ modelId: z.string().min(1), kind: z.enum(["text", "embedding"]) }))
    .min(1)
    .optional(),
  now: z.function().optional(),
  maxBodyBytes: z.number().int().positive().optional(),
});

/**
 * Validates options at the boundary; throws {@link EmulatorOptionsError} naming each bad option.
 *
 * @example
 * ```ts
 * validateOptions(schema, { port: 4010 }, "startEmulator");
 * ```
 */
export function validateOptions<T>(schema: z.ZodType, value: T, where: string): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return value;
  const paths = result.error.issues.map((issue) => issue.path.join(".") || "(root)");
  const details = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new EmulatorOptionsError(`Invalid ${where} options: ${details.join("; ")}.`, paths, {
    cause: result.error,
  });
}

/**
 * Validates {@link EmulatorOptions}.
 *
 * @example
 * ```ts
 * validateEmulatorOptions({ port: 4010 });
 * ```
 */
export function validateEmulatorOptions(options: EmulatorOptions): EmulatorOptions {
  return validateOptions(optionsSchema, options, "startEmulator");
}
