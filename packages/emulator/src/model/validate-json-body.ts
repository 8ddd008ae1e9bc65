import { ModelInputError } from "./model-input-error.js";

/** A JSON object as parsed from a request body. */
export type Json = Record<string, unknown>;

/** JSON type names as Bedrock's schema validator words them. */
export type JsonTypeName = "String" | "Integer" | "Number" | "JSONArray" | "JSONObject";

/**
 * Bedrock's error for a native InvokeModel body that does not fit the model's schema.
 *
 * @example
 * ```ts
 * throw malformed("#: required key [max_tokens] not found");
 * ```
 */
export function malformed(detail: string): ModelInputError {
  return new ModelInputError(`Malformed input request: ${detail}, please reformat your input and try again.`);
}

/**
 * Whether a value is a plain JSON object.
 *
 * @example
 * ```ts
 * isObject({}); // => true
 * ```
 */
export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Throws Bedrock's "expected type" error unless `value` has the JSON type.
 *
 * @example
 * ```ts
 * expectType(body.max_tokens, "Integer", "#/max_tokens");
 * ```
 */
export function expectType(value: unknown, type: JsonTypeName, path: string): void {
  const found = jsonTypeName(value);
  const ok = found === type || (type === "Number" && (found === "Integer" || found === "BigDecimal"));
  if (!ok) throw malformed(`${path}: expected type: ${type}, found: ${found}`);
}

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return "JSONArray";
  if (value === null) return "Null";
  switch (typeof value) {
    case "object":
      return "JSONObject";
    case "string":
      return "String";
    case "number":
      return Number.isInteger(value) ? "Integer" : Number.isFinite(value) ? "BigDecimal" : "Number";
    default:
      return "Boolean";
  }
}
