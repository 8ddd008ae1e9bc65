import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";
import { serveChild } from "../support/child.js";
import type { AgentsApi, LangchainApi } from "../support/contracts.js";
import { benchModel } from "../support/fixtures.js";
import { loadApi } from "../support/load-api.js";

/** One orchestrator scenario, run in a fresh process so its peak RSS is its own. */
export interface ScenarioInput {
  url: string;
  region: string;
  key: string;
  agents: number;
  ticks: number;
  concurrency: number;
  /** `simulation`: the agents package's Simulation. `bare`: the same model calls in a plain bounded loop. */
  kind: "simulation" | "bare";
  maxTokens: number;
}

export interface ScenarioOutput {
  wallMs: number;
  /** CPU time (user + system) this process spent on the run: unlike wall time, other processes do not inflate it. */
  cpuMs: number;
  calls: number;
}

/** `items` through `call` with at most `concurrency` in flight: the bare loop the anchor runs per tick. */
async function bounded<T>(items: readonly T[], concurrency: number, call: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await call(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

serveChild<ScenarioInput, ScenarioOutput>(async (input) => {
  const agentsApi = await loadApi<AgentsApi>("@bedrock-keys/agents", [
    "Simulation",
    "marketWorld",
    "createMarketState",
    "createMarketAgents",
  ]);
  const { ChatBedrockKey } = await loadApi<LangchainApi>("@bedrock-keys/langchain", ["ChatBedrockKey"]);
  const model = new ChatBedrockKey({
    model: benchModel,
    apiKey: input.key,
    region: input.region,
    endpoint: input.url,
    maxTokens: input.maxTokens,
  });
  const world = agentsApi.marketWorld;
  const agents = agentsApi.createMarketAgents(input.agents);
  const state = agentsApi.createMarketState(input.agents);

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(cpuStart);
    return (used.user + used.system) / 1000;
  };
  if (input.kind === "simulation") {
    const simulation = new agentsApi.Simulation({
      world,
      agents,
      initialState: state,
      ticks: input.ticks,
      model,
      concurrency: input.concurrency,
      maxOutputTokens: input.maxTokens,
    });
    const outcome = await simulation.run();
    if (outcome.status !== "completed") {
      throw new Error(`simulation ${outcome.status}: ${outcome.reason ?? outcome.error?.message ?? ""}`);
    }
    return { wallMs: performance.now() - start, cpuMs: cpuMs(), calls: outcome.usage.run.calls };
  }
  // The anchor: the same prompts to the same model with the same concurrency and tick barrier, and nothing else
  // (no budget, limiter, events, validation or world update).
  const instructions = `Reply with JSON only, matching this JSON schema:\n${JSON.stringify(z.toJSONSchema(world.actionSchema as z.ZodType))}`;
  let calls = 0;
  for (let tick = 1; tick <= input.ticks; tick++) {
    await bounded(agents, input.concurrency, async (agent) => {
      await model.invoke([
        new SystemMessage(`You are ${agent.name}. ${agent.persona ?? ""}\n${world.rules ?? ""}`),
        new HumanMessage(`${world.view(state, agent, tick)}\n\n${instructions}`),
      ]);
      calls++;
    });
  }
  return { wallMs: performance.now() - start, cpuMs: cpuMs(), calls };
});
