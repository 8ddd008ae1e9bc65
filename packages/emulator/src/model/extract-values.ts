/** Values the model can lift from the user's text to fill tool arguments and structured output. */
export interface TextValues {
  /** The text itself, trimmed. */
  text: string;
  /** Lowercased text, for case-insensitive lookups. */
  lower: string;
  /** Numbers in order of appearance. */
  numbers: number[];
  /** Capitalized words that are not at the start of a sentence (likely names and places). */
  properNouns: string[];
  /** Lowercase content words (no stop words), in order, unique. */
  words: string[];
  /** Strings in double quotes or backticks. */
  quoted: string[];
  emails: string[];
  urls: string[];
  dates: string[];
  /** Arithmetic expressions such as `12 * (3 + 4)`. */
  expressions: string[];
  /** Names that lead bullet or numbered list lines ("- researcher: finds facts" gives "researcher"). */
  listItems: string[];
}

const STOP_WORDS = new Set(
  (
    "a an the and or but if then else of to in on at by for with from into onto about as is are was were be been " +
    "being am do does did have has had i you he she it we they me him her us them my your his its our their this " +
    "that these those what which who whom whose when where why how can could would should will shall may might " +
    "must please tell give show let make get use using also just so very too not no yes there here some any all " +
    "each every than more most less few many much one two both please thanks thank hi hello hey ok okay now"
  ).split(" "),
);

/** Characters of a text scanned for values. */
const MAX_SCAN = 4000;

/** Words that often start a request with a capital letter without being names. */
const SENTENCE_STARTERS = new Set(
  (
    "tell give show find search look write explain describe list compare check calculate compute book plan create " +
    "make send summarize summarise translate convert add remove delete update fetch lookup read open run call " +
    "instruction input solution next step steps first then finally sure okay thanks note today tomorrow yesterday " +
    "based now also weather time extract identify classify analyze analyse parse generate rate review recommend " +
    "suggest answer respond reply return format use help define output provide consider imagine pretend act"
  ).split(" "),
);

/**
 * Whether a lowercase word carries no topic (articles, pronouns, auxiliaries…).
 *
 * @example
 * ```ts
 * isStopWord("the"); // => true
 * ```
 */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * Lowercase word tokens of a text, splitting snake_case, kebab-case and camelCase too.
 *
 * @example
 * ```ts
 * tokenize("getWeather for Paris_today"); // => ["get", "weather", "for", "paris", "today"]
 * ```
 */
export function tokenize(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * Lifts numbers, names, quoted strings, e-mails, URLs, dates and expressions out of a user's text.
 *
 * @example
 * ```ts
 * extractValues("What is the weather in Paris on 2025-07-14?").properNouns; // => ["Paris"]
 * ```
 */
export function extractValues(text: string): TextValues {
  // Long prompts: look at their beginning and end only, which keeps extraction fast and linear.
  const trimmed =
    text.length > MAX_SCAN
      ? `${text.slice(0, MAX_SCAN / 2)}\n${text.slice(-MAX_SCAN / 2)}`.trim()
      : text.trim();
  const urls = trimmed.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
  const emails = trimmed.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g) ?? [];
  const dates = trimmed.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
  const withoutDates = trimmed.replace(/\b\d{4}-\d{2}-\d{2}\b/g, " ");
  const expressions = (
    withoutDates.match(/\(*-?\d+(?:\.\d+)?\)*(?:[ \t]*[-+*/^%][ \t]*\(*[ \t]*-?\d+(?:\.\d+)?[ \t]*\)*)+/g) ??
    []
  ).map((match) => match.trim());
  const numbers = (withoutDates.match(/(?<![\w.])-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const quoted: string[] = [];
  for (const match of trimmed.matchAll(/"([^"\n]{1,200})"|(?<!`)`([^`\n]{1,200})`(?!`)|“([^”\n]{1,200})”/g)) {
    quoted.push((match[1] ?? match[2] ?? match[3]) as string);
  }
  const properNouns: string[] = [];
  for (const match of trimmed.matchAll(
    /(^|[^.!?:\n]\s+|[.!?:\n]\s*)([A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*)/g,
  )) {
    const noun = match[2] as string;
    const first = (noun.split(/\s+/)[0] as string).toLowerCase();
    if (isStopWord(first) || (/^$|[.!?:\n]/.test(match[1] as string) && SENTENCE_STARTERS.has(first)))
      continue;
    properNouns.push(noun);
  }
  const listItems: string[] = [];
  for (const match of trimmed.matchAll(/^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+([^:\n]{1,60}?)[ \t]*(?::|$)/gm)) {
    listItems.push((match[1] as string).trim());
  }
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of tokenize(trimmed)) {
    if (word.length < 2 || isStopWord(word) || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return {
    listItems,
    text: trimmed,
    lower: trimmed.toLowerCase(),
    numbers,
    properNouns,
    words,
    quoted,
    emails,
    urls,
    dates,
    expressions,
  };
}
