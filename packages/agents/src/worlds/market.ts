import { z } from "zod";
import { seededRandom } from "../simulation/seeded-random.js";
import type { AgentAction, SimulationAgent, WorldDefinition } from "../simulation/world-definition.js";

/** A trader's move: buy, sell or hold up to 10 shares. */
export const marketActionSchema = z.object({
  action: z.enum(["buy", "sell", "hold"]),
  quantity: z.number().int().min(0).max(10),
});

/** A validated market action. */
export type MarketAction = z.infer<typeof marketActionSchema>;

/** The market: one stock, its price history, and each trader's cash and shares (arrays indexed by agent). */
export interface MarketState {
  price: number;
  history: number[];
  cash: number[];
  shares: number[];
  volume: number;
  trades: number;
}

const impactPerShare = 0.0005;

/**
 * A starting market for `traders` agents: price 100, each trader with 1,000 cash and 0-9 shares (seeded).
 *
 * @example
 * ```ts
 * const state = createMarketState(100);
 * ```
 */
export function createMarketState(traders: number, seed = 42): MarketState {
  const random = seededRandom(seed);
  return {
    price: 100,
    history: [100],
    cash: Array.from({ length: traders }, () => 1_000),
    shares: Array.from({ length: traders }, () => Math.floor(random() * 10)),
    volume: 0,
    trades: 0,
  };
}

/**
 * `count` traders with a few seeded personas (momentum, value, cautious, contrarian).
 *
 * @example
 * ```ts
 * const agents = createMarketAgents(1000);
 * ```
 */
export function createMarketAgents(count: number): SimulationAgent[] {
  const personas = [
    "You follow momentum: buy when the price rises.",
    "You are a value investor: buy below 100, sell above 110.",
    "You are cautious and mostly hold.",
    "You are a contrarian: sell into rallies, buy dips.",
  ];
  return Array.from({ length: count }, (_, index) => ({
    index,
    name: `trader-${index}`,
    persona: personas[index % personas.length] as string,
  }));
}

/**
 * A small stock market: traders see the price trend and their holdings, and buy, sell or hold. Each executed
 * trade moves the price by 0.05% per share, so the seeded application order matters, as in a real order book.
 *
 * @example
 * ```ts
 * const simulation = new Simulation({ world: marketWorld, agents: createMarketAgents(100), initialState: createMarketState(100), ticks: 5, model });
 * ```
 */
export const marketWorld: WorldDefinition<MarketState, MarketAction> = {
  name: "market",
  rules: "You trade one stock in a small market. Each tick you may buy, sell or hold up to 10 shares.",
  actionSchema: marketActionSchema,
  fallbackAction: { action: "hold", quantity: 0 },
  view(state, agent) {
    const recent = state.history.slice(-5).map((price) => price.toFixed(2));
    const cash = state.cash[agent.index] ?? 0;
    const shares = state.shares[agent.index] ?? 0;
    return `Price ${state.price.toFixed(2)} (recent: ${recent.join(", ")}). You have ${cash.toFixed(2)} cash and ${shares} shares.`;
  },
  apply(state, actions: ReadonlyArray<AgentAction<MarketAction>>) {
    const cash = [...state.cash];
    const shares = [...state.shares];
    let price = state.price;
    let volume = state.volume;
    let trades = state.trades;
    for (const { agent, action } of actions) {
      const index = agent.index;
      const wanted = action.quantity;
      if (action.action === "buy") {
        const quantity = Math.min(wanted, Math.floor((cash[index] ?? 0) / price));
        if (quantity <= 0) continue;
        cash[index] = (cash[index] ?? 0) - quantity * price;
        shares[index] = (shares[index] ?? 0) + quantity;
        price *= 1 + impactPerShare * quantity;
        volume += quantity;
        trades++;
      } else if (action.action === "sell") {
        const quantity = Math.min(wanted, shares[index] ?? 0);
        if (quantity <= 0) continue;
        cash[index] = (cash[index] ?? 0) + quantity * price;
        shares[index] = (shares[index] ?? 0) - quantity;
        price *= 1 - impactPerShare * quantity;
        volume += quantity;
        trades++;
      }
    }
    return { price, history: [...state.history, price], cash, shares, volume, trades };
  },
  summarize(state) {
    const wealth = state.cash.map((cash, index) => cash + (state.shares[index] ?? 0) * state.price);
    let richest = 0;
    wealth.forEach((value, index) => {
      if (value > (wealth[richest] ?? 0)) richest = index;
    });
    const first = state.history[0] ?? state.price;
    const change = ((state.price - first) / first) * 100;
    return (
      `Price ${first.toFixed(2)} -> ${state.price.toFixed(2)} (${change >= 0 ? "+" : ""}${change.toFixed(2)}%), ` +
      `${state.trades} trades, ${state.volume} shares traded; richest trader-${richest} with ${(wealth[richest] ?? 0).toFixed(2)}.`
    );
  },
};
