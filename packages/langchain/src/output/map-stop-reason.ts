/** LangChain's provider-neutral finish reasons. */
export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "error";

/**
 * Maps a Converse `stopReason` to a provider-neutral finish reason (kept next to the raw `stopReason` in
 * `response_metadata`). Unknown reasons map to `stop`.
 *
 * @example
 * ```ts
 * mapStopReason("tool_use") // => "tool_calls"
 * mapStopReason("model_context_window_exceeded") // => "length"
 * ```
 */
export function mapStopReason(stopReason: string | undefined): FinishReason {
  switch (stopReason) {
    case "tool_use":
      return "tool_calls";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "guardrail_intervened":
    case "content_filtered":
      return "content_filter";
    case "malformed_model_output":
    case "malformed_tool_use":
      return "error";
    default:
      return "stop";
  }
}
