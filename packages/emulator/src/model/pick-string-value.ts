import { randomBase62 } from "./hash.js";
import type { SynthesisContext } from "./synthesize-from-schema.js";

type Schema = Record<string, unknown>;

function uuid(context: SynthesisContext): string {
  const hex = Array.from({ length: 32 }, () => "0123456789abcdef"[context.random.int(16)]).join("");
  const variant = "89ab"[context.random.int(4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Candidate values for a string `format`, best first. */
function formatCandidates(format: string, context: SynthesisContext): string[] {
  const { values } = context;
  const date = values.dates[0] ?? "2025-01-15";
  switch (format) {
    case "date-time":
      return [`${date}T10:30:00Z`, `${date}T10:30:00.000Z`, `${date}T10:30:00+00:00`];
    case "date":
      return [date];
    case "time":
      return ["10:30:00Z", "10:30:00", "10:30"];
    case "duration":
      return ["P1D", "PT1H"];
    case "email":
    case "idn-email":
      return [...values.emails, "user@example.com"];
    case "uri":
    case "url":
    case "iri":
    case "uri-reference":
    case "iri-reference":
      return [...values.urls, `https://example.com/${values.words[0] ?? "item"}`];
    case "uuid":
    case "guid":
      return [uuid(context)];
    case "ipv4":
      return ["192.0.2.10"];
    case "ipv6":
      return ["2001:db8::1"];
    case "hostname":
    case "idn-hostname":
      return ["example.com"];
    case "regex":
      return [".*"];
    case "byte":
    case "base64":
      return ["aGVsbG8="];
    case "json-pointer":
      return ["/items/0"];
    default:
      return [];
  }
}

function phrase(context: SynthesisContext, count: number): string {
  const words = context.values.words;
  if (words.length === 0) return "example";
  return words.slice(0, count).join(" ");
}

/** Candidate values suggested by the property's name and the user's text, best first. */
function nameCandidates(name: string, context: SynthesisContext, variant: number): string[] {
  const { values } = context;
  const lowerName = name.toLowerCase();
  const keyed = new RegExp(
    `\\b${name.replace(/[^\w]/g, "")}\\s*[:=]\\s*(?:"([^"]*)"|'([^']*)'|([^\\s,;]+))`,
    "i",
  ).exec(values.text);
  const out: string[] = [];
  if (name.length > 0 && keyed !== null) out.push((keyed[1] ?? keyed[2] ?? keyed[3]) as string);
  if (/expr|formula|equation|calculation/.test(lowerName)) out.push(...values.expressions);
  if (/url|link|website|href|uri/.test(lowerName)) out.push(...values.urls);
  if (/email|mail/.test(lowerName)) out.push(...values.emails);
  if (/date|day/.test(lowerName)) out.push(...values.dates);
  if (/symbol|ticker/.test(lowerName)) out.push(...(values.text.match(/\b[A-Z]{1,5}\b/g) ?? []), "AMZN");
  if (/city|location|place|country|region|destination|origin|address|where|town/.test(lowerName)) {
    out.push(...values.properNouns, "Seattle");
  }
  if (
    /^(?:q|query|search|search_?query|question|prompt|input|text|message|instruction|task|request)$/.test(
      lowerName,
    )
  ) {
    out.push(values.text.slice(0, 500));
  }
  if (/name|title|topic|subject|keyword|term|entity|person|author|company/.test(lowerName)) {
    out.push(...values.quoted, ...values.properNouns, phrase(context, 3));
  }
  if (
    /summary|answer|reason|explanation|response|reply|thought|plan|rationale|comment|feedback|content|description|note|result|output|body/.test(
      lowerName,
    )
  ) {
    const part = variant > 0 ? `, part ${variant + 1}` : "";
    out.push(`A ${lowerName.replace(/[_-]+/g, " ")} about ${phrase(context, 4)}${part}.`);
  }
  if (/lang/.test(lowerName)) out.push("en");
  out.push(...values.quoted);
  if (variant > 0) return out.length > 0 ? out.slice(variant % out.length) : out;
  return out;
}

function fitLength(value: string, schema: Schema): string {
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : Number.POSITIVE_INFINITY;
  let out = value;
  while ([...out].length < minLength) out += out.length === 0 ? "x" : ` ${value || "x"}`;
  if ([...out].length > maxLength) out = [...out].slice(0, maxLength).join("");
  return out;
}

function compile(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== "string") return undefined;
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

const PATTERN_FALLBACKS = [
  "abc",
  "ABC",
  "a",
  "A",
  "1",
  "123",
  "abc123",
  "ABC-123",
  "2025-01-15",
  "user@example.com",
  "+15555550100",
  "#ffffff",
];

/**
 * A string for a `type: "string"` schema: a format-shaped value, else one lifted from the text by the property
 * name, else a short phrase from the text; fitted to `minLength`/`maxLength` and, when it can, to `pattern`.
 *
 * @example
 * ```ts
 * pickStringValue({ type: "string", format: "email" }, context, "contact", 0); // => "user@example.com"
 * ```
 */
export function pickStringValue(
  schema: Schema,
  context: SynthesisContext,
  name: string,
  variant: number,
): string {
  const format = typeof schema.format === "string" ? schema.format : "";
  const candidates = [...formatCandidates(format, context)];
  if (candidates.length === 0) {
    candidates.push(...nameCandidates(name, context, variant));
    if (typeof schema.default === "string") candidates.push(schema.default);
    if (Array.isArray(schema.examples) && typeof schema.examples[0] === "string")
      candidates.push(schema.examples[0]);
    const fallback = phrase(context, 3 + variant);
    candidates.push(variant > 0 ? `${fallback} ${variant + 1}` : fallback);
  }
  const pattern = compile(schema.pattern);
  const fitted = candidates.map((candidate) => fitLength(candidate, schema));
  if (pattern === undefined) return fitted[0] as string;
  const matching = fitted.find((candidate) => pattern.test(candidate));
  if (matching !== undefined) return matching;
  const fallback = PATTERN_FALLBACKS.map((candidate) => fitLength(candidate, schema)).find((candidate) =>
    pattern.test(candidate),
  );
  return fallback ?? (fitted[0] as string) ?? randomBase62(context.random, 8);
}
