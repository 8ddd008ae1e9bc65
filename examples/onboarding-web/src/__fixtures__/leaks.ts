/** The 8-character windows of `key` past its public prefix that occur in `text` (empty when nothing leaked). */
export function leakedWindows(text: string, key: string): string[] {
  const secretPart = key.startsWith("ABSK") ? key.slice(60) : key.slice(48);
  const leaks = new Set<string>();
  for (let index = 0; index + 8 <= secretPart.length; index += 1) {
    const window = secretPart.slice(index, index + 8);
    if (text.includes(window)) leaks.add(window);
  }
  return [...leaks];
}
