import { schemaFromExample } from "./schema-from-example.js";

/** What a prompt asks for when it wants JSON without `outputConfig`: a schema shown in the prompt, or any JSON. */
export interface JsonModeRequest {
  /**
   * A JSON schema found in the prompt (LangChain's StructuredOutputParser puts one in its format instructions),
   * or one inferred from an example object the prompt shows.
   */
  schema?: Record<string, unknown>;
  /** The user's text without code blocks and JSON, to lift values from. */
  userText: string;
}

const ASKS_FOR_JSON =
  /\b(?:respond|reply|answer|output|return|format(?:ted)?|write|provide|give)\b[^.\n]{0,80}\bJSON\b|\bJSON (?:only|object|format|instance)\b|\bvalid JSON\b/i;

function findSchema(text: string): Record<string, unknown> | undefined {
  const candidates: string[] = [];
  for (const match of text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) candidates.push(match[1] as string);
  const brace = text.indexOf("{");
  if (brace >= 0) candidates.push(text.slice(brace, text.lastIndexOf("}") + 1));
  for (const candidate of candidates) {
    try {
      const parsed = JSON.parse(candidate) as unknown;
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        const schema = parsed as Record<string, unknown>;
        const isSchema =
          (typeof schema.properties === "object" && schema.type === "object") ||
          schema.$ref !== undefined ||
          schema.$schema !== undefined;
        return isSchema ? schema : schemaFromExample(schema);
      }
    } catch {
      // Not JSON: keep looking.
    }
  }
  return undefined;
}

/**
 * Whether the system prompt or the user's last text asks for a JSON answer ("Respond only in JSON", LangChain's
 * format instructions), and the schema it shows, if any. Undefined when no JSON is asked for.
 *
 * @example
 * ```ts
 * detectJsonMode("Reply in JSON.", "List two fruits"); // => { userText: "List two fruits" }
 * ```
 */
export function detectJsonMode(system: string, userText: string): JsonModeRequest | undefined {
  const asked = ASKS_FOR_JSON.test(system) || ASKS_FOR_JSON.test(userText);
  if (!asked) return undefined;
  const schema = findSchema(system) ?? findSchema(userText);
  const prose = userText.replace(/```[\s\S]*?```/g, " ").replace(/\{[\s\S]*\}/g, " ");
  return schema === undefined ? { userText: prose } : { schema, userText: prose };
}
