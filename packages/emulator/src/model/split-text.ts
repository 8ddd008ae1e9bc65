/**
 * Splits text into stream deltas of about `size` characters, breaking after whitespace when it can, so that
 * joining the pieces gives the text back exactly.
 *
 * @example
 * ```ts
 * splitText("Hello there, how are you?", 8); // => ["Hello ", "there, ", "how are ", "you?"]
 * ```
 */
export function splitText(text: string, size = 16): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end - 1);
      if (space >= start) end = space + 1;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
