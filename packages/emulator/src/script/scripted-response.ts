import type { InjectableErrorKind } from "../errors/fault-errors.js";
import type { StopReason, Usage } from "../model/types.js";

/**
 * An exact reply queued with `emulator.script(modelId, [...])`: text, tool calls, or an error. For streaming
 * operations an error is sent as the HTTP error before the stream, unless `midStream` is true (then as an
 * exception frame after a few deltas); `midStreamError` always arrives mid-stream there.
 */
export type ScriptedResponse =
  | { text: string; stopReason?: StopReason; usage?: Partial<Usage> }
  | {
      toolCalls: Array<{ name: string; input: unknown; toolUseId?: string }>;
      text?: string;
      usage?: Partial<Usage>;
    }
  | { error: InjectableErrorKind | "connectionReset"; message?: string; midStream?: boolean };
