import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { AIMessageChunk, type AIMessageChunkFields } from "@langchain/core/messages";
import { ChatGenerationChunk } from "@langchain/core/outputs";
import { convertUsage } from "./convert-usage.js";
import { mapStopReason } from "./map-stop-reason.js";

/** Options of {@link streamToChunks}. */
export interface StreamToChunksOptions {
  model: string;
  requestId?: string | undefined;
  /** Put `usage_metadata` on the final chunk (default true). */
  streamUsage?: boolean;
  /** Stop reading as soon as this signal aborts. */
  signal?: AbortSignal | undefined;
}

/**
 * Converts a ConverseStream event stream to LangChain chunks: text deltas, `tool_call_chunks` (id and name on
 * the block start, argument fragments after, all keyed by the content block index), reasoning deltas with their
 * signature, a chunk with `stopReason`, and a final chunk with `usage_metadata` (cache reads and writes included)
 * and `metrics`. The first chunk carries `model`, `model_provider` and `requestId` once, so they survive `concat`.
 *
 * @example
 * ```ts
 * const response = await client.send(new ConverseStreamCommand(request));
 * for await (const chunk of streamToChunks(response.stream!, { model, requestId: response.$metadata.requestId })) {
 *   process.stdout.write(chunk.text);
 * }
 * ```
 */
export async function* streamToChunks(
  events: AsyncIterable<ConverseStreamOutput>,
  options: StreamToChunksOptions,
): AsyncGenerator<ChatGenerationChunk> {
  let sawReasoning = false;
  yield chunk({
    content: "",
    ...(options.requestId ? { id: options.requestId } : {}),
    response_metadata: {
      model: options.model,
      model_name: options.model,
      model_provider: "bedrock-converse",
      ...(options.requestId ? { requestId: options.requestId } : {}),
    },
  });
  for await (const event of events) {
    if (options.signal?.aborted) return;
    if (event.contentBlockStart?.start?.toolUse) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      yield chunk({
        content: "",
        tool_call_chunks: [{ type: "tool_call_chunk", id: toolUseId, name, args: "", index }],
      });
    } else if (event.contentBlockDelta?.delta) {
      const { delta } = event.contentBlockDelta;
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      if (typeof delta.text === "string") {
        yield sawReasoning
          ? chunk({ content: [{ type: "text", text: delta.text, index }] }, delta.text)
          : chunk({ content: delta.text }, delta.text);
      } else if (delta.toolUse) {
        yield chunk({
          content: "",
          tool_call_chunks: [{ type: "tool_call_chunk", args: delta.toolUse.input ?? "", index }],
        });
      } else if (delta.reasoningContent) {
        sawReasoning = true;
        const { text, signature, redactedContent } = delta.reasoningContent;
        const block: Record<string, unknown> = { type: "reasoning", reasoning: text ?? "", index };
        if (signature !== undefined) block.signature = signature;
        if (redactedContent) block.redactedContent = Buffer.from(redactedContent).toString("base64");
        yield chunk({ content: [block] as never });
      }
    } else if (event.messageStop) {
      yield chunk({
        content: "",
        response_metadata: {
          stopReason: event.messageStop.stopReason,
          finish_reason: mapStopReason(event.messageStop.stopReason),
          ...(event.messageStop.additionalModelResponseFields
            ? { additionalModelResponseFields: event.messageStop.additionalModelResponseFields }
            : {}),
        },
      });
    } else if (event.metadata) {
      const usage = options.streamUsage === false ? undefined : convertUsage(event.metadata.usage);
      yield chunk({
        content: "",
        ...(usage ? { usage_metadata: usage } : {}),
        response_metadata: {
          ...(event.metadata.metrics ? { metrics: event.metadata.metrics } : {}),
          ...(event.metadata.usage ? { usage: event.metadata.usage } : {}),
        },
      });
    }
  }
}

function chunk(fields: Record<string, unknown>, text = ""): ChatGenerationChunk {
  return new ChatGenerationChunk({
    text,
    message: new AIMessageChunk(fields as unknown as AIMessageChunkFields),
  });
}
