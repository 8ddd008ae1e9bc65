export type { Credential, TokenProvider } from "./auth/call-credentials.js";
export { ChatBedrockKey } from "./chat-bedrock-key.js";
export type {
  ChatBedrockKeyCallOptions,
  ChatBedrockKeyFields,
  ReasoningOptions,
  ResponseFormat,
} from "./chat-bedrock-key-options.js";
export {
  BedrockKeyEmbeddings,
  type BedrockKeyEmbeddingsFields,
} from "./embeddings/bedrock-key-embeddings.js";
export { ChatBedrockKeyError, type ChatBedrockKeyErrorCode } from "./errors/chat-bedrock-key-error.js";
export type { CacheControl } from "./messages/apply-cache-control.js";
export {
  type ConverseConversation,
  type ConvertMessagesOptions,
  convertToConverseMessages,
} from "./messages/convert-to-converse-messages.js";
export type { FetchLike } from "./messages/fetch-media.js";
export {
  type ModelCapabilities,
  modelCapabilities,
  type ToolChoiceKind,
} from "./model/model-capabilities.js";
export { convertConverseOutput } from "./output/convert-converse-output.js";
export { type FinishReason, mapStopReason } from "./output/map-stop-reason.js";
export { type StreamToChunksOptions, streamToChunks } from "./output/stream-to-chunks.js";
export { BedrockRetryCaller, type RetryBackoff } from "./retry/bedrock-retry-caller.js";
export { convertToolChoice, type ToolChoiceDecision } from "./tools/convert-tool-choice.js";
export { convertTools } from "./tools/convert-tools.js";
