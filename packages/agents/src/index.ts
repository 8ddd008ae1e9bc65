export type { AgentOptions, AgentReply } from "./agent/agent.js";
export { Agent } from "./agent/agent.js";
export type { AgentRunOptions } from "./agent/agent-run.js";
export { AgentRun } from "./agent/agent-run.js";
export { trimToTokenBudget } from "./agent/memory-window.js";
export type { CassetteEntry, CassetteSlot } from "./cassette/cassette.js";
export { Cassette } from "./cassette/cassette.js";
export type { NormalizedRequest } from "./cassette/normalize-request.js";
export { normalizeRequest } from "./cassette/normalize-request.js";
export { AgentsError } from "./errors/agents-error.js";
export { CassetteMissError } from "./errors/cassette-miss-error.js";
export { InvalidOptionsError } from "./errors/invalid-options-error.js";
export type { StopReason } from "./errors/run-stopped-error.js";
export { RunStoppedError } from "./errors/run-stopped-error.js";
export { SubtaskFailedError } from "./errors/subtask-failed-error.js";
export type {
  AgentEvent,
  AgentEventListeners,
  AgentEvents,
  EventBase,
  RunStatus,
} from "./events/agent-events.js";
export { RunEmitter } from "./events/run-emitter.js";
export { backoffDelay } from "./limits/backoff.js";
export type { RunLimits } from "./limits/budget.js";
export { Budget } from "./limits/budget.js";
export type { ErrorClass } from "./limits/is-retryable-error.js";
export { classifyError } from "./limits/is-retryable-error.js";
export type { ModelPrice, PriceTable } from "./limits/price-table.js";
export { costOf, defaultPriceTable } from "./limits/price-table.js";
export type {
  RateLimiterOptions,
  RateLimiterStats,
  RateLimitLease,
  RateLimitRequest,
} from "./limits/rate-limiter.js";
export { RateLimiter } from "./limits/rate-limiter.js";
export type { RateLimiterKey, RateLimiterRegistryOptions } from "./limits/rate-limiter-registry.js";
export { RateLimiterRegistry, sharedRateLimiters } from "./limits/rate-limiter-registry.js";
export type { ModelCall, ModelResult } from "./model/call-model.js";
export { callModel } from "./model/call-model.js";
export { estimateMessagesTokens, estimateTokens, messageText } from "./model/message-text.js";
export type { ModelIdentity } from "./model/model-identity.js";
export { modelIdentity } from "./model/model-identity.js";
export type { AgentApiKey } from "./model/resolve-tenant.js";
export { ambientTenant, resolveTenant } from "./model/resolve-tenant.js";
export type { CriticCallback } from "./role-playing/choose-candidate.js";
export type { GuardOptions, GuardViolation } from "./role-playing/conversation-guards.js";
export { ConversationGuards } from "./role-playing/conversation-guards.js";
export type { RolePlayingOptions, RolePlayingResult, RolePlayingTurn } from "./role-playing/role-playing.js";
export { RolePlaying } from "./role-playing/role-playing.js";
export { Orchestrator } from "./run/orchestrator.js";
export type { RunOptions } from "./run/run-context.js";
export { RunContext } from "./run/run-context.js";
export type {
  ModelCallContext,
  ModelCallDecision,
  RunHooks,
  ToolCallContext,
  ToolCallDecision,
} from "./run/run-hooks.js";
export type { RunResult } from "./run/run-result.js";
export { validateRunOptions } from "./run/validate-options.js";
export { seededOrder, seededRandom } from "./simulation/seeded-random.js";
export type { SimulationOptions, SimulationResult } from "./simulation/simulation.js";
export { Simulation } from "./simulation/simulation.js";
export type { AgentAction, SimulationAgent, WorldDefinition } from "./simulation/world-definition.js";
export { readSnapshot, writeSnapshot } from "./snapshot/snapshot-file.js";
export type { Clock } from "./time/clock.js";
export { createScaledClock, systemClock } from "./time/clock.js";
export { Transcript } from "./transcript/transcript.js";
export type { Usage } from "./usage/usage.js";
export { addUsage, emptyUsage } from "./usage/usage.js";
export type { UsageReport } from "./usage/usage-ledger.js";
export { UsageLedger } from "./usage/usage-ledger.js";
export type { Subtask } from "./workforce/plan-schema.js";
export type { WorkforceOptions, WorkforceResult } from "./workforce/workforce.js";
export { Workforce } from "./workforce/workforce.js";
export type { MarketAction, MarketState } from "./worlds/market.js";
export { createMarketAgents, createMarketState, marketActionSchema, marketWorld } from "./worlds/market.js";
