/**
 * The single seam between the HTTP layer and the simulated model in ../model/: everything the operations use
 * from the model comes through here.
 */
export {
  fromAnthropicMessagesBody,
  toAnthropicMessagesResponse,
  toAnthropicStreamChunks,
} from "../model/anthropic-messages.js";
export { DEFAULT_MODELS, resolveModelId, toFoundationModelSummary } from "../model/catalog.js";
export { countRequestTokens, estimateTokens } from "../model/count-tokens.js";
export { simulateEmbedding } from "../model/embed.js";
export { ModelInputError } from "../model/model-input-error.js";
export { simulateConverse } from "../model/simulate-converse.js";
