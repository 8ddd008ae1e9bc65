const WORDS = /\S+\s*|\s+/g;

/**
 * Splits text into word-ish deltas of at least `minLength` characters (except the last), like a model streams a
 * few tokens at a time. Joining the parts gives back the text exactly.
 *
 * @example
 * ```ts
 * splitText("Hello there, how are you?", 8) // => ["Hello there, ", "how are you?"]
 * ```
 */
export function splitText(text: string, minLength = 8): string[] {
  const parts: string[] = [];
  let current = "";
  for (const match of text.matchAll(WORDS)) {
    current += match[0];
    if (current.length >= minLength) {
      parts.push(current);
      current = "";
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * Splits a JSON string into fixed-size fragments, as Bedrock streams tool input (`delta.toolUse.input`).
 *
 * @example
 * ```ts
 * splitJson('{"city":"Paris"}', 6) // => ['{"city', '":"Par', 'is"}']
 * ```
 */
export function splitJson(json: string, size = 24): string[] {
  const parts: string[] = [];
  for (let index = 0; index < json.length; index += size) parts.push(json.slice(index, index + size));
  return parts.length === 0 ? [""] : parts;
}
