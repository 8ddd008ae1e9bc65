import { isStopWord, tokenize } from "./extract-values.js";
import type { ToolChoice, ToolSpec } from "./types.js";

/** A tool the model decided to call, with the part of the user's text that asked for it. */
export interface ToolPick {
  spec: ToolSpec;
  /** The clause of the user text that best matches the tool (its arguments are lifted from it). */
  clause: string;
  /** The one name or place this call is about, when one tool is called once per entity ("Paris and Tokyo"). */
  focus?: string;
}

/** Properties that take a name or place, so "weather in Paris and Oslo" becomes one call per city. */
const ENTITY_PROPERTY =
  /city|location|place|country|region|destination|town|name|company|person|entity|topic/i;

/** True when exactly one property takes a name or place (not e.g. both `origin` and `destination`). */
function entityProperty(spec: ToolSpec): boolean {
  const properties = spec.inputSchema.json.properties;
  if (typeof properties !== "object" || properties === null) return false;
  const keys = Object.keys(properties);
  return (
    keys.filter((key) => ENTITY_PROPERTY.test(key) || /origin|from|source|target|to$/i.test(key)).length ===
      1 && keys.some((key) => ENTITY_PROPERTY.test(key))
  );
}

function stem(word: string): string {
  return word.length > 4 && word.endsWith("s") ? word.slice(0, -1) : word;
}

/** Everyday words for what common tools do, so "is it raining" finds a weather tool. */
const SYNONYMS: Record<string, string> = {
  rain: "weather",
  raining: "weather",
  sunny: "weather",
  temperature: "weather",
  forecast: "weather",
  snow: "weather",
  snowing: "weather",
  windy: "weather",
  cloudy: "weather",
  humid: "weather",
  clock: "time",
  hour: "time",
  compute: "calculate",
  sum: "calculate",
  multiply: "calculate",
  divide: "calculate",
  plus: "calculate",
  minus: "calculate",
  math: "calculate",
  arithmetic: "calculate",
  find: "search",
  lookup: "search",
  google: "search",
  research: "search",
  mail: "email",
  share: "stock",
  ticker: "stock",
  quote: "price",
  cost: "price",
};

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of tokenize(text)) {
    if (isStopWord(word) || word === "get" || word === "set") continue;
    out.add(stem(word));
    const synonym = SYNONYMS[word];
    if (synonym !== undefined) out.add(synonym);
  }
  return out;
}

/** Equal words, or long words sharing a 5-letter stem ("calculate" and "calculator"). */
function matches(word: string, words: Set<string>): boolean {
  if (words.has(word)) return true;
  if (word.length < 5) return false;
  const prefix = word.slice(0, 5);
  for (const other of words) if (other.length >= 5 && other.startsWith(prefix)) return true;
  return false;
}

/** Name matches weigh 3, description matches 1, the literal tool name in the text 10. */
function score(spec: ToolSpec, text: string, words: Set<string>): { total: number; byName: number } {
  let byName = 0;
  for (const word of contentWords(spec.name)) if (matches(word, words)) byName += 3;
  let total = byName;
  for (const word of contentWords(spec.description ?? "")) if (matches(word, words)) total += 1;
  if (text.includes(spec.name)) {
    byName += 10;
    total += 10;
  }
  return { total, byName };
}

function bestClause(spec: ToolSpec, text: string): string {
  const clauses = text
    .split(/\s*(?:[,;]|\band\b|\balso\b|\bthen\b)\s*/i)
    .filter((clause) => clause.trim() !== "");
  let best = text;
  let bestScore = 0;
  for (const clause of clauses) {
    const value = score(spec, clause, contentWords(clause)).total;
    if (value > bestScore) {
      best = clause;
      bestScore = value;
    }
  }
  return best;
}

/**
 * Chooses the tools to call for the user's last text: the forced tool for `{ tool }`, several tools when the text
 * names several (by name, or joined with "and"/"also"/commas), the best tool once per entity when it takes a name
 * or place and several are asked for ("Paris and Oslo"), else the single best match by token overlap with names
 * and descriptions (the first tool when nothing overlaps: `auto` and `any` both call a tool).
 *
 * @example
 * ```ts
 * chooseTools([weatherSpec, timeSpec], "Weather in Paris and the time in Tokyo?", undefined).length; // => 2
 * ```
 */
export function chooseTools(
  specs: readonly ToolSpec[],
  text: string,
  choice: ToolChoice | undefined,
  entities: readonly string[] = [],
): ToolPick[] {
  if (specs.length === 0) return [];
  if (choice !== undefined && "tool" in choice) {
    const forced = specs.find((spec) => spec.name === choice.tool.name);
    return forced === undefined ? [] : [{ spec: forced, clause: text }];
  }
  const words = contentWords(text);
  const scored = specs.map((spec, index) => ({ spec, index, ...score(spec, text, words) }));
  const askedForSeveral = /\b(?:and|also|both|as well|plus)\b|,/i.test(text);
  const named = scored.filter((entry) => entry.byName > 0);
  if (askedForSeveral && named.length > 1) {
    return named.slice(0, 8).map((entry) => ({ spec: entry.spec, clause: bestClause(entry.spec, text) }));
  }
  let best = scored[0] as (typeof scored)[number];
  for (const entry of scored) if (entry.total > best.total) best = entry;
  const distinct = [...new Set(entities)];
  if (askedForSeveral && distinct.length > 1 && entityProperty(best.spec)) {
    return distinct.slice(0, 5).map((focus) => ({ spec: best.spec, clause: text, focus }));
  }
  return [{ spec: best.spec, clause: text }];
}
