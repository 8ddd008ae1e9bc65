import { injectedError, streamException } from "../errors/fault-errors.js";
import type { FaultKind } from "../faults/fault-injector.js";
import type { ModelInfo } from "../model/types.js";
import type { ScriptedResponse } from "../script/scripted-response.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { Exchange } from "../server/exchange.js";

/** What to do besides simulating: a scripted reply, a mid-stream exception, or nothing. */
export interface Injection {
  script?: Exclude<ScriptedResponse, { error: unknown }>;
  midStream?: { type: string; message: string };
  /** The connection was reset; the caller must not respond. */
  reset?: boolean;
  fault?: FaultKind;
}

/**
 * Applies the next fault (throws wire errors, delays, resets) and takes the next scripted reply for the model.
 *
 * @example
 * ```ts
 * const injection = await inject(context, exchange, model, true);
 * ```
 */
export async function inject(
  context: EmulatorContext,
  exchange: Exchange,
  model: ModelInfo,
  streaming: boolean,
  useScripts = true,
): Promise<Injection> {
  const injection: Injection = {};
  const fault = context.faults.next();
  if (fault !== undefined) {
    injection.fault = fault;
    if (fault === "slow") await context.sleep(context.faults.slowMs);
    else if (fault === "connectionReset") {
      exchange.resetConnection();
      injection.reset = true;
      return injection;
    } else if (fault === "midStreamError" && streaming)
      injection.midStream = streamException("midStreamError");
    else throw injectedError(fault);
  }
  const script = useScripts ? context.scripts.take(model.modelId) : undefined;
  if (script === undefined) return injection;
  if (!("error" in script)) {
    injection.script = script;
    return injection;
  }
  if (script.error === "connectionReset") {
    exchange.resetConnection();
    injection.reset = true;
  } else if (streaming && (script.midStream === true || script.error === "midStreamError")) {
    injection.midStream = streamException(script.error, script.message);
  } else {
    throw injectedError(script.error, script.message);
  }
  return injection;
}
