import type { ModelOutput } from "../model/types.js";
import { splitJson, splitText } from "./split-into-deltas.js";

/** One ConverseStream event before encoding, with the output tokens it carries (for pacing). */
export interface StreamEvent {
  eventType: string;
  payload: unknown;
  outputTokens: number;
}

/**
 * Turns a model output into ConverseStream events in Bedrock's observed order: `messageStart`; per content block
 * its deltas (text without `contentBlockStart`; `contentBlockStart` only for `toolUse`, whose input arrives as JSON
 * string fragments; reasoning text then its signature); `contentBlockStop`; `messageStop`; `metadata`.
 *
 * @example
 * ```ts
 * toConverseStreamEvents(output, 12).map((event) => event.eventType);
 * // => ["messageStart", "contentBlockDelta", ..., "contentBlockStop", "messageStop", "metadata"]
 * ```
 */
export function toConverseStreamEvents(
  output: ModelOutput,
  latencyMs: number,
  options: { reportStopSequence?: boolean } = {},
): StreamEvent[] {
  const events: StreamEvent[] = [
    { eventType: "messageStart", payload: { role: "assistant" }, outputTokens: 0 },
  ];
  const delta = (contentBlockIndex: number, value: unknown, text: string): void => {
    events.push({
      eventType: "contentBlockDelta",
      payload: { contentBlockIndex, delta: value },
      outputTokens: Math.max(1, Math.ceil(text.length / 4)),
    });
  };
  output.content.forEach((block, contentBlockIndex) => {
    if ("text" in block) {
      for (const part of splitText(block.text)) delta(contentBlockIndex, { text: part }, part);
    } else if ("toolUse" in block) {
      const { toolUseId, name, input } = block.toolUse;
      events.push({
        eventType: "contentBlockStart",
        payload: { contentBlockIndex, start: { toolUse: { toolUseId, name } } },
        outputTokens: 0,
      });
      for (const part of splitJson(JSON.stringify(input ?? {})))
        delta(contentBlockIndex, { toolUse: { input: part } }, part);
    } else if ("reasoningContent" in block) {
      const { reasoningText, redactedContent } = block.reasoningContent;
      if (reasoningText !== undefined) {
        for (const part of splitText(reasoningText.text)) {
          delta(contentBlockIndex, { reasoningContent: { text: part } }, part);
        }
        if (reasoningText.signature !== undefined) {
          delta(contentBlockIndex, { reasoningContent: { signature: reasoningText.signature } }, "");
        }
      } else if (redactedContent !== undefined) {
        delta(contentBlockIndex, { reasoningContent: { redactedContent } }, "");
      }
    } else {
      return;
    }
    events.push({ eventType: "contentBlockStop", payload: { contentBlockIndex }, outputTokens: 0 });
  });
  const messageStop: { stopReason: string; additionalModelResponseFields?: unknown } = {
    stopReason: output.stopReason,
  };
  if (output.stopSequence !== undefined && options.reportStopSequence === true) {
    messageStop.additionalModelResponseFields = { stop_sequence: output.stopSequence };
  }
  events.push({ eventType: "messageStop", payload: messageStop, outputTokens: 0 });
  events.push({
    eventType: "metadata",
    payload: { usage: output.usage, metrics: { latencyMs } },
    outputTokens: 0,
  });
  return events;
}
