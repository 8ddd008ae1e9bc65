import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ModelInfo, ModelOutput, ModelRequest } from "../model/types.js";
import { scriptedOutput } from "../script/scripted-output.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Injection } from "./inject.js";
import { ModelInputError, simulateConverse } from "./model-api.js";

/**
 * The model's answer to a request: the scripted reply if one was queued, the simulation otherwise.
 *
 * @example
 * ```ts
 * const output = produceOutput(context, model, request, injection);
 * ```
 */
export function produceOutput(
  context: EmulatorContext,
  model: ModelInfo,
  request: ModelRequest,
  injection: Injection,
): ModelOutput {
  if (injection.script !== undefined) return scriptedOutput(injection.script, request);
  try {
    return simulateConverse(request, { seed: context.seed, model, promptCache: context.promptCache });
  } catch (error) {
    if (ModelInputError.isInstance(error)) throw new BedrockWireError("ValidationException", error.message);
    throw error;
  }
}

/**
 * Milliseconds the configured latency adds before the first token and for `tokens` generated tokens.
 *
 * @example
 * ```ts
 * generationDelayMs({ firstTokenMs: 200, tokensPerSecond: 50 }, 100) // => 2200
 * ```
 */
export function generationDelayMs(
  latency: EmulatorContext["latency"],
  tokens: number,
  includeFirstToken = true,
): number {
  const perToken = latency.tokensPerSecond > 0 ? (tokens * 1000) / latency.tokensPerSecond : 0;
  return (includeFirstToken ? latency.firstTokenMs : 0) + perToken;
}
