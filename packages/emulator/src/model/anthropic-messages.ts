// The HTTP layer imports the Anthropic Messages conversions from here; each lives in its own file.
export { fromAnthropicMessagesBody } from "./from-anthropic-messages-body.js";
export type { AnthropicContentBlock, AnthropicMessagesResponse } from "./to-anthropic-messages-response.js";
export { toAnthropicMessagesResponse } from "./to-anthropic-messages-response.js";
export type { AnthropicStreamOptions } from "./to-anthropic-stream-chunks.js";
export { toAnthropicStreamChunks } from "./to-anthropic-stream-chunks.js";
