import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const JSON_CONTENT_TYPE = { type: "string", value: "application/json" } as const;
const EVENT_MESSAGE_TYPE = { type: "string", value: "event" } as const;
const EXCEPTION_MESSAGE_TYPE = { type: "string", value: "exception" } as const;

/**
 * Encodes one event-stream frame of `:message-type: event` with a JSON payload — how Bedrock sends each
 * ConverseStream event and each InvokeModelWithResponseStream `chunk`.
 *
 * @example
 * ```ts
 * response.write(encodeEvent("contentBlockDelta", { contentBlockIndex: 0, delta: { text: "Hi" } }));
 * ```
 */
export function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ":event-type": { type: "string", value: eventType },
      ":content-type": JSON_CONTENT_TYPE,
      ":message-type": EVENT_MESSAGE_TYPE,
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/**
 * Encodes an exception frame (`:message-type: exception`, lowerCamel `:exception-type`, body `{"message"}`), which
 * the SDK raises as the typed exception from its `for await` loop.
 *
 * @example
 * ```ts
 * response.end(encodeException("throttlingException", "Too many requests, please wait before trying again."));
 * ```
 */
export function encodeException(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ":exception-type": { type: "string", value: exceptionType },
      ":content-type": JSON_CONTENT_TYPE,
      ":message-type": EXCEPTION_MESSAGE_TYPE,
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}
