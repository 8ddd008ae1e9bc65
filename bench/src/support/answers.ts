import type { ScriptedResponse } from "./contracts.js";

/** About `tokens` tokens of text at the emulator's ~4 characters a token. */
export function textOfTokens(tokens: number): string {
  const words = ["alpha", "bravo", "delta", "gamma", "kappa", "omega", "sigma", "theta"];
  let text = "";
  for (let index = 0; text.length < tokens * 4; index++) text += `${words[index % words.length]} `;
  return text.trimEnd();
}

/** `count` identical scripted text replies, so every contender receives answers of exactly the same size. */
export function scriptedAnswers(count: number, tokens: number): ScriptedResponse[] {
  const text = textOfTokens(tokens);
  return Array.from({ length: count }, () => ({ text, stopReason: "end_turn" }));
}
