/**
 * A JSON schema that a JSON example fits: the same keys (all required), arrays of the first element's shape,
 * strings, numbers (integers stay integers), booleans. Prompts often show the shape to answer with
 * (`Reply with JSON only: {"subtasks":[{"id":"…"}]}`) rather than a schema.
 *
 * @example
 * ```ts
 * schemaFromExample({ id: "a", tags: ["x"], score: 3 });
 * // => { type: "object", properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } },
 * //      score: { type: "integer" } }, required: ["id", "tags", "score"] }
 * ```
 */
export function schemaFromExample(example: unknown): Record<string, unknown> {
  if (Array.isArray(example)) {
    return example.length === 0 ? { type: "array" } : { type: "array", items: schemaFromExample(example[0]) };
  }
  if (example === null) return { type: "null" };
  switch (typeof example) {
    case "object": {
      const entries = Object.entries(example as Record<string, unknown>);
      return {
        type: "object",
        properties: Object.fromEntries(entries.map(([key, value]) => [key, schemaFromExample(value)])),
        required: entries.map(([key]) => key),
      };
    }
    case "number":
      return { type: Number.isInteger(example) ? "integer" : "number" };
    case "boolean":
      return { type: "boolean" };
    default:
      return { type: "string" };
  }
}
