import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";
import type { StreamEvent } from "./converse-stream-events.js";
import { encodeEvent, encodeException } from "./event-stream-encoder.js";

/** Deltas sent before an injected mid-stream exception. */
const DELTAS_BEFORE_EXCEPTION = 2;

/**
 * Writes events as an event-stream response, pacing deltas by the configured latency (first token, then tokens
 * per second) and honouring backpressure. With `exception`, stops after a couple of deltas and sends an
 * exception frame instead of the rest.
 *
 * @example
 * ```ts
 * await writeEventStream(exchange, context, toConverseStreamEvents(output, 5));
 * ```
 */
export async function writeEventStream(
  exchange: Exchange,
  context: EmulatorContext,
  events: readonly StreamEvent[],
  exception?: { type: string; message: string },
): Promise<void> {
  const { firstTokenMs, tokensPerSecond } = context.latency;
  const paced = firstTokenMs > 0 || tokensPerSecond > 0;
  exchange.startEventStream();
  let deltas = 0;
  let pendingDelayMs = firstTokenMs;
  let lastDelta = -1;
  events.forEach((event, index) => {
    if (event.outputTokens > 0) lastDelta = index;
  });
  // Without pacing, all frames go out in one write: one DATA frame instead of dozens (clients decode frames from
  // any chunking), which is what lets the emulator stream far more chunks per second than its clients consume.
  const batch: Uint8Array[] | undefined = paced ? undefined : [];
  for (const [index, event] of events.entries()) {
    if (exchange.closed) return;
    if (exception !== undefined && (index > lastDelta || deltas >= DELTAS_BEFORE_EXCEPTION)) break;
    if (batch !== undefined) {
      if (event.outputTokens > 0) deltas += 1;
      batch.push(encodeEvent(event.eventType, event.payload));
      continue;
    }
    if (event.outputTokens > 0) {
      deltas += 1;
      if (paced) {
        if (tokensPerSecond > 0) pendingDelayMs += (event.outputTokens * 1000) / tokensPerSecond;
        if (pendingDelayMs >= 1) {
          await context.sleep(pendingDelayMs);
          pendingDelayMs = 0;
        }
      }
    }
    const drained = exchange.write(encodeEvent(event.eventType, event.payload));
    if (drained !== undefined) await drained;
  }
  if (exception !== undefined) {
    const frame = encodeException(exception.type, exception.message);
    if (batch === undefined) exchange.end(frame);
    else batch.push(frame);
  }
  if (batch !== undefined) exchange.end(Buffer.concat(batch));
  else if (exception === undefined) exchange.end();
}
