import type { Orchestrator } from "@bedrock-keys/agents";
import type { Style } from "../format/create-style.js";
import type { CliIo } from "../io/cli-io.js";

/**
 * Live counters of a run, updated from its events.
 *
 * @example
 * ```ts
 * const watch: RunWatch = watchRun(simulation);
 * ```
 */
export interface RunWatch {
  readonly throttles: number;
  readonly calls: number;
  readonly tokens: number;
  readonly costUsd: number;
}

/**
 * Follows a run's events and keeps live counters (model calls, tokens, cost, throttles absorbed), calling
 * `onChange` after each update so the caller can redraw its progress line.
 *
 * @example
 * ```ts
 * const watch = watchRun(simulation, () => status.update(`${watch.calls} calls`));
 * ```
 */
export function watchRun(run: Orchestrator, onChange: () => void = () => {}): RunWatch {
  const state = { throttles: 0, calls: 0, tokens: 0, costUsd: 0 };
  run.on("usage", (event) => {
    state.calls += event.usage.calls;
    state.tokens += event.usage.totalTokens;
    state.costUsd += event.usage.costUsd;
    onChange();
  });
  run.on("throttled", () => {
    state.throttles += 1;
    onChange();
  });
  return state;
}

/**
 * A progress line writer: on a terminal it rewrites one line in place (plain text, cut to the terminal width,
 * then dimmed, so no escape code is ever cut in half); in a pipe it prints a line only when told to (`commit`),
 * so logs stay short.
 *
 * @example
 * ```ts
 * const line = createProgressLine(io, style);
 * line.update("tick 1/3 …");
 * line.commit("tick 1/3 done");
 * ```
 */
export function createProgressLine(
  io: CliIo,
  style: Style,
): { update(text: string): void; commit(text: string): void } {
  const tty = io.stdout.isTTY === true;
  const width = Math.max(40, (io.stdout.columns ?? 100) - 1);
  let shown = false;
  return {
    update(text) {
      if (!tty) return;
      io.stdout.write(`\r\u001b[2K${style.dim(text.slice(0, width))}`);
      shown = true;
    },
    commit(text) {
      if (tty && shown) io.stdout.write("\r\u001b[2K");
      shown = false;
      io.stdout.write(`${text}\n`);
    },
  };
}
