import { inspect } from "node:util";

/**
 * Everything a value can show to a log, a trace or a serializer: `util.inspect` with hidden properties,
 * `JSON.stringify` (cycles cut), `String()`, and for errors the stack and every `cause` down the chain.
 */
export function exposeAll(value: unknown): string {
  const parts = [inspect(value, { depth: 12, showHidden: true, getters: true }), safeJson(value)];
  let current: unknown = value;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    parts.push(String(current));
    if (current instanceof Error) {
      parts.push(current.message, String(current.stack), safeJson({ ...current }));
      current = current.cause;
    } else {
      current = undefined;
    }
  }
  return parts.join("\n");
}

/** `JSON.stringify` that survives cycles, bigints and throwing getters. */
export function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, entry: unknown) => {
        if (typeof entry === "bigint") return entry.toString();
        if (typeof entry === "object" && entry !== null) {
          if (seen.has(entry)) return "[cycle]";
          seen.add(entry);
        }
        return entry;
      }) ?? "undefined"
    );
  } catch (error) {
    return `[unserializable: ${String(error)}]`;
  }
}
