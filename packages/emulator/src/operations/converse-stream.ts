import { toConverseStreamEvents } from "../stream/converse-stream-events.js";
import { parseChatBody } from "./converse.js";
import type { StreamModelCall } from "./model-call.js";
import { generationDelayMs } from "./produce-output.js";
import { modelOperation } from "./run-model-call.js";

const CONVERSE_STREAM: StreamModelCall = {
  operation: "ConverseStream",
  native: false,
  answer: "stream",
  parse: parseChatBody,
  events(context, model, output, startedMs) {
    const latencyMs = Math.max(
      1,
      Math.round(
        performance.now() - startedMs + generationDelayMs(context.latency, output.usage.outputTokens),
      ),
    );
    return toConverseStreamEvents(output, latencyMs, {
      reportStopSequence: model.modelId.startsWith("anthropic."),
    });
  },
};

/**
 * `POST /model/{modelId}/converse-stream`: like Converse, answered as an event stream in Bedrock's order, with
 * latency paced per delta and injected mid-stream exceptions.
 *
 * @example
 * ```ts
 * await converseStream(exchange, context, principal, "amazon.nova-lite-v1:0", entry);
 * ```
 */
export const converseStream = modelOperation(CONVERSE_STREAM);
