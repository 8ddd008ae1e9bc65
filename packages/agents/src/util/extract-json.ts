/**
 * The first JSON object in a model's text: a fenced ```json block, else the outermost `{...}`; `undefined` when
 * nothing parses.
 *
 * @example
 * ```ts
 * extractJson('Here you go: {"subtasks": []}'); // { subtasks: [] }
 * ```
 */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidates = [fenced?.[1], text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}
