import { fromKeyStore, MemoryKeyStore, onboardKey, parseBedrockApiKey } from "@bedrock-keys/credentials";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { createStyle } from "../format/create-style.js";
import { renderOnboardingReport } from "../format/render-onboarding-report.js";
import type { CliIo } from "../io/cli-io.js";
import { renderRunSummary } from "../runs/render-run-summary.js";
import { runMarketSimulation } from "../runs/run-market-simulation.js";
import { runOutcomeError } from "../runs/run-outcome-error.js";
import { runRolePlay } from "../runs/run-role-play.js";
import { faultsFor, latencyFor } from "./realistic-latency.js";

/**
 * Options of `bedrock-keys demo`.
 *
 * @example
 * ```ts
 * const options: DemoOptions = { latency: "none", agents: 5, ticks: 2, turns: 3, timeoutSeconds: 60 };
 * ```
 */
export interface DemoOptions {
  /** Bedrock Runtime endpoint for a key from the environment (default: Amazon Bedrock itself). */
  endpoint?: string;
  latency: "realistic" | "none";
  agents: number;
  ticks: number;
  turns: number;
  /** Model to run on (default: the model onboarding proved, else Amazon Nova Lite). */
  model?: string;
  /** Deadline of each run in seconds (from `--timeout 2m`). */
  timeoutSeconds: number;
}

const TENANT = "demo-tenant";
const DEFAULT_MODEL = "amazon.nova-lite-v1:0";

/**
 * `bedrock-keys demo`: the whole path a customer's key takes. Without `AWS_BEARER_TOKEN_BEDROCK` it starts the
 * embedded emulator with realistic latency and issues a demo key; with it, it uses that key against Amazon
 * Bedrock in the key's region (or `AWS_REGION`). Either way it onboards a demo tenant through `onboardKey` (the
 * path a customer takes) into an in-memory sealed store, then runs a role-play and a market simulation through
 * `ChatBedrockKey` as that tenant (`fromKeyStore`), with live progress and a final summary.
 *
 * @example
 * ```ts
 * await runDemo({ latency: "realistic", agents: 20, ticks: 3, turns: 6, timeoutSeconds: 120 }, io);
 * ```
 */
export async function runDemo(options: DemoOptions, io: CliIo): Promise<void> {
  const style = createStyle(io, io.stdout);
  const out = (text = ""): void => {
    io.stdout.write(`${text}\n`);
  };
  let emulator: Emulator | undefined;
  let model: ChatBedrockKey | undefined;
  try {
    const target = await openDemoTarget(options, io);
    emulator = target.emulator;
    const { pasted, endpoint, region } = target;
    out(style.bold("bedrock-keys demo") + style.dim(` — ${target.headline}`));
    if (emulator !== undefined)
      out(style.dim("  (set AWS_BEARER_TOKEN_BEDROCK to run the same demo on Amazon Bedrock)"));

    out();
    out(
      style.bold(`1. Onboarding tenant "${TENANT}"`) +
        style.dim(" — diagnose, verify live, seal into the key store"),
    );
    const store = new MemoryKeyStore();
    const report = await onboardKey({
      tenantId: TENANT,
      pasted,
      store,
      region,
      env: {},
      now: io.now(),
      ...(endpoint !== undefined && { endpoint }),
    });
    out(renderOnboardingReport(report, io.now(), style).trimEnd());

    const modelId =
      options.model ?? (emulator === undefined ? report.verifiedWith?.modelId : undefined) ?? DEFAULT_MODEL;
    model = new ChatBedrockKey({
      model: modelId,
      tokenProvider: fromKeyStore(store, TENANT),
      region,
      maxTokens: 256,
      temperature: 0.7,
      maxRetries: 0,
      env: {},
      ...(endpoint !== undefined && { endpoint }),
    });

    out();
    out(
      style.bold(`2. Role-play on ${modelId} as "${TENANT}"`) +
        style.dim(" — a stock trader instructs a programmer"),
    );
    const rolePlay = await runRolePlay(
      { model, turns: options.turns, style, timeoutMs: options.timeoutSeconds * 1000 },
      io,
    );

    out();
    out(
      style.bold(`3. Market simulation: ${options.agents} traders x ${options.ticks} ticks as "${TENANT}"`) +
        style.dim(" — one shared rate limiter for the tenant's key"),
    );
    const simulation = await runMarketSimulation(
      {
        model,
        agents: options.agents,
        ticks: options.ticks,
        style,
        timeoutMs: options.timeoutSeconds * 1000,
      },
      io,
    );

    out();
    out(style.bold("Summary"));
    out(renderRunSummary([rolePlay, simulation]).trimEnd());
    const [record] = await store.list(TENANT);
    out(
      `tenant ${TENANT}: key ${report.redacted}, ${record?.status ?? "unknown"}, last used ${record?.lastUsedAt?.toISOString() ?? "never"}`,
    );
    if (emulator !== undefined) {
      const audit = emulator.audit();
      const mine = audit.filter((entry) => entry.fingerprint === report.fingerprint).length;
      out(
        style.dim(
          `emulator audit: ${audit.length} requests, ${mine} of them on the tenant's key ${report.fingerprint}`,
        ),
      );
    }
    const error = runOutcomeError([rolePlay, simulation]);
    if (error !== undefined) throw error;
  } finally {
    // Client sessions first: a server cannot finish closing while a client keeps its HTTP/2 session open.
    model?.close();
    await emulator?.close();
  }
}

/** Where the demo's key comes from and where its calls go. */
interface DemoTarget {
  pasted: string;
  endpoint: string | undefined;
  region: string;
  emulator: Emulator | undefined;
  headline: string;
}

/** The key in `AWS_BEARER_TOKEN_BEDROCK` (Bedrock, or `--endpoint`), else a fresh key on an embedded emulator. */
async function openDemoTarget(options: DemoOptions, io: CliIo): Promise<DemoTarget> {
  const envKey = io.env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  if (envKey !== undefined && envKey !== "") {
    const key = parseBedrockApiKey(envKey, { now: io.now() });
    const region = key.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? "us-east-1";
    const where = options.endpoint ?? "Amazon Bedrock";
    return {
      pasted: envKey,
      endpoint: options.endpoint,
      region,
      emulator: undefined,
      headline: `${where} in ${region}, key ${key} from AWS_BEARER_TOKEN_BEDROCK`,
    };
  }
  const emulator = await startEmulator({
    latency: latencyFor(options.latency),
    faults: faultsFor(options.latency),
  });
  return {
    pasted: emulator.keys.issueLongTermKey({ accountId: "123456789012" }),
    endpoint: emulator.url,
    region: emulator.region,
    emulator,
    headline:
      `embedded emulator at ${emulator.url}` +
      (options.latency === "realistic" ? ", realistic latency and 5% throttling" : ", no latency"),
  };
}
