import { Agent, type Cassette, RolePlaying } from "@bedrock-keys/agents";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Style } from "../format/create-style.js";
import type { CliIo } from "../io/cli-io.js";
import { type RunStats, toRunStats } from "./run-stats.js";
import { createProgressLine, watchRun } from "./watch-run.js";

/**
 * Options of {@link runRolePlay}.
 *
 * @example
 * ```ts
 * const options: RunRolePlayOptions = { model, turns: 4, style };
 * ```
 */
export interface RunRolePlayOptions {
  model: BaseChatModel;
  /** Conversation turns at most; default 6. */
  turns?: number;
  task?: string;
  /** Deadline of the whole run; default 2 minutes. */
  timeoutMs?: number;
  cassette?: Cassette;
  style: Style;
}

/**
 * CAMEL's classic role-play (a stock trader instructs a Python programmer to build a trading bot) with a live
 * transcript: one line per message, with running calls, tokens, cost and throttles absorbed.
 *
 * @example
 * ```ts
 * const stats = await runRolePlay({ model, turns: 4, style }, io);
 * ```
 */
export async function runRolePlay(options: RunRolePlayOptions, io: CliIo): Promise<RunStats> {
  const { model, style } = options;
  const user = new Agent({ name: "trader", role: "Stock Trader", model, maxOutputTokens: 256 });
  const assistant = new Agent({ name: "programmer", role: "Python Programmer", model, maxOutputTokens: 256 });
  const session = new RolePlaying({
    task: options.task ?? "Develop a trading bot for the stock market",
    user,
    assistant,
    limits: { maxTurns: options.turns ?? 6, timeoutMs: options.timeoutMs ?? 120_000 },
    ...(options.cassette !== undefined && { cassette: options.cassette }),
    ...(io.signal !== undefined && { signal: io.signal }),
  });
  const line = createProgressLine(io, style);
  const watch = watchRun(session, () =>
    line.update(`  … ${watch.calls} calls, ${watch.tokens} tokens, ${watch.throttles} throttles absorbed`),
  );
  let turn = 0;
  session.on("message", (event) => {
    if (event.role !== "assistant") return;
    if (event.agent === user.name) turn += 1;
    const speaker =
      event.agent === user.name ? style.cyan(event.agent.padEnd(10)) : style.magenta(event.agent.padEnd(10));
    const text = event.content.replace(/\s+/g, " ").trim();
    const width = Math.max(40, (io.stdout.columns ?? 110) - 22);
    line.commit(
      `  ${style.dim(`#${turn}`.padStart(3))} ${speaker} ${text.length > width ? `${text.slice(0, width - 1)}…` : text}`,
    );
  });
  const started = performance.now();
  const outcome = await session.run();
  const result = outcome.result ?? outcome.partialResult;
  const turns = result?.turns.length ?? 0;
  line.commit(
    `  ${outcome.status === "completed" ? style.green("✓") : style.yellow("■")} role-play ${outcome.status}` +
      `${outcome.reason === undefined ? "" : ` (${outcome.reason})`} after ${turns} turn(s)` +
      `${result?.terminatedBy === undefined ? "" : `, ended by the ${result.terminatedBy}`}`,
  );
  if (outcome.status === "failed") line.commit(style.red(`  ${outcome.error?.message ?? "failed"}`));
  return toRunStats("role-play", outcome, {
    throttles: watch.throttles,
    seconds: (performance.now() - started) / 1000,
    detail: `${turns} turns`,
  });
}
