/**
 * Names the kind of an unexpected character for an error message without repeating it (it might be part of a
 * secret).
 */
export function describeCharacter(character: string): string {
  if (/\s/.test(character)) return "a space or other whitespace";
  if (character === "-" || character === "_")
    return "a '-' or '_' (URL-safe base64, so the key was re-encoded)";
  if (/["'`\u201C\u201D\u2018\u2019]/.test(character)) return "a quote";
  if (character === "%") return "a '%' (the key was URL-encoded)";
  if ((character.codePointAt(0) ?? 0) > 0x7e) return "a non-ASCII character";
  if ((character.codePointAt(0) ?? 0) < 0x20) return "a control character";
  return "a punctuation character";
}
