import { Agent, RolePlaying, type RolePlayingResult, type RunResult } from "@bedrock-keys/agents";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";

/** Options of {@link runRolePlayingExample}. */
export interface RolePlayingExampleOptions {
  /** CAMEL's classic by default. */
  task?: string;
  userRole?: string;
  assistantRole?: string;
  maxTurns?: number;
  /** Sharpen the task with a task-specifier agent first (default true). */
  specifyTask?: boolean;
  /** Defaults to `env.AWS_BEARER_TOKEN_BEDROCK`; without any key the local emulator is started. */
  apiKey?: string;
  env?: Record<string, string | undefined>;
  model?: string;
  region?: string;
  /** Where each line of the conversation and the summary go (default: nowhere). */
  log?: (line: string) => void;
}

/** What the example produced. */
export interface RolePlayingExampleReport {
  outcome: RunResult<RolePlayingResult>;
  usingEmulator: boolean;
  summary: string;
}

/**
 * CAMEL's stock-trading-bot role-play: a Stock Trader (AI user) instructs a Python Programmer (AI assistant)
 * until `<TASK_DONE>`. Runs on real Bedrock with `AWS_BEARER_TOKEN_BEDROCK`, else on the local emulator.
 *
 * @example
 * ```ts
 * const { summary } = await runRolePlayingExample({ maxTurns: 6, log: console.log });
 * ```
 */
export async function runRolePlayingExample(
  options: RolePlayingExampleOptions = {},
): Promise<RolePlayingExampleReport> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const envKey = env.AWS_BEARER_TOKEN_BEDROCK?.trim();
  let emulator: Emulator | undefined;
  let apiKey = options.apiKey ?? envKey;
  if (!apiKey) {
    emulator = await startEmulator();
    apiKey = emulator.keys.issueLongTermKey({ userName: "role-playing-example" });
    log(`(no AWS_BEARER_TOKEN_BEDROCK: using the local emulator at ${emulator.url})`);
  }
  try {
    const model = new ChatBedrockKey({
      model: options.model ?? (emulator ? "amazon.nova-lite-v1:0" : "us.amazon.nova-lite-v1:0"),
      region: options.region ?? emulator?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
      ...(emulator ? { endpoint: emulator.url } : {}),
      maxTokens: 512,
      maxRetries: 0,
      env: {},
    });
    const userRole = options.userRole ?? "Stock Trader";
    const assistantRole = options.assistantRole ?? "Python Programmer";
    const session = new RolePlaying({
      task: options.task ?? "Develop a trading bot for the stock market",
      user: new Agent({ name: "stock-trader", role: userRole, model, apiKey }),
      assistant: new Agent({ name: "python-programmer", role: assistantRole, model, apiKey }),
      ...(options.specifyTask === false
        ? {}
        : { taskSpecifier: new Agent({ name: "task-specifier", role: "Task Specifier", model, apiKey }) }),
      limits: { maxTurns: options.maxTurns ?? 10, maxCostUsd: 1 },
    });
    session.on("message", (event) => log(`\n[${event.agent}]\n${event.content}`));
    session.on("throttled", (event) => log(`(throttled: ${event.agent} waits ${event.waitMs} ms)`));
    const outcome = await session.run();
    const summary = summarize(outcome, Boolean(emulator));
    log(`\n${summary}`);
    return { outcome, usingEmulator: Boolean(emulator), summary };
  } finally {
    await emulator?.close();
  }
}

function summarize(outcome: RunResult<RolePlayingResult>, usingEmulator: boolean): string {
  const result = outcome.result ?? outcome.partialResult;
  const run = outcome.usage.run;
  const ending =
    outcome.status === "completed"
      ? `completed: the ${result?.terminatedBy === "user" ? "AI user" : "AI assistant"} said <TASK_DONE>`
      : `${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ""}${outcome.error ? `: ${outcome.error.message}` : ""}`;
  return [
    "== role-play summary",
    `task:            ${result?.task ?? ""}`,
    `specified task:  ${result?.specifiedTask ?? ""}`,
    `ending:          ${ending}`,
    `turns:           ${result?.turns.length ?? 0}`,
    `model calls:     ${run.calls} (${run.inputTokens} input + ${run.outputTokens} output tokens)`,
    `cost:            $${run.costUsd.toFixed(6)}${usingEmulator ? " (list prices, emulated)" : ""}`,
    `tenants:         ${Object.keys(outcome.usage.byTenant).join(", ")}`,
  ].join("\n");
}
