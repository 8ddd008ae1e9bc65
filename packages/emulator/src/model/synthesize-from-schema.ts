import type { TextValues } from "./extract-values.js";
import type { Random } from "./hash.js";
import { pickStringValue } from "./pick-string-value.js";

type Schema = Record<string, unknown>;

/** What the synthesizer draws on: values from the user's text and a seeded random source. */
export interface SynthesisContext {
  values: TextValues;
  random: Random;
}

interface State {
  root: Schema;
  context: SynthesisContext;
  numberCursor: number;
  /** Counter for `id`-like string properties, so sibling items get distinct ids ("1", "2", …). */
  idCounter: number;
  /** Round-robin cursor over the text's list items for worker/assignee-like properties. */
  listCursor: number;
}

/** Properties that name a member of a team the prompt lists ("- researcher: finds facts"). */
const MEMBER_PROPERTY = /worker|assignee|agent|owner|member|employee|expert|specialist|delegate|teammate/i;

const MAX_DEPTH = 8;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolvePointer(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isSchema(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

/** Resolves `$ref` and merges `allOf` so the caller sees one plain schema. */
function flatten(schema: Schema, state: State, depth: number): Schema {
  let current = schema;
  if (typeof current.$ref === "string" && depth < MAX_DEPTH * 2) {
    const { $ref, ...rest } = current;
    const target = resolvePointer(state.root, $ref as string) ?? {};
    current = flatten({ ...target, ...rest }, state, depth + 1);
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    let merged: Schema = rest;
    for (const part of allOf as unknown[]) {
      if (!isSchema(part)) continue;
      const flat = flatten(part, state, depth + 1);
      merged = {
        ...flat,
        ...merged,
        properties: { ...(flat.properties as Schema), ...(merged.properties as Schema) },
        required: [...((flat.required as string[]) ?? []), ...((merged.required as string[]) ?? [])],
      };
    }
    current = merged;
  }
  return current;
}

function schemaType(schema: Schema): string {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return (type.find((entry) => entry !== "null") as string | undefined) ?? "null";
  if (isSchema(schema.properties) || schema.additionalProperties !== undefined) return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  if (typeof schema.minimum === "number" || typeof schema.maximum === "number") return "number";
  return "string";
}

function synthesizeNumber(schema: Schema, state: State, name: string, integer: boolean): number {
  const { numbers } = state.context.values;
  let value: number;
  if (state.numberCursor < numbers.length) value = numbers[state.numberCursor++] as number;
  else if (typeof schema.default === "number") value = schema.default;
  else if (/count|limit|number|num|quantity|size|top|max|results|amount/i.test(name)) value = 3;
  else value = 1 + state.context.random.int(integer ? 10 : 100);
  let low = typeof schema.minimum === "number" ? schema.minimum : Number.NEGATIVE_INFINITY;
  let high = typeof schema.maximum === "number" ? schema.maximum : Number.POSITIVE_INFINITY;
  const step =
    typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : 0;
  const exclusiveMin = schema.exclusiveMinimum === true ? low : schema.exclusiveMinimum;
  const exclusiveMax = schema.exclusiveMaximum === true ? high : schema.exclusiveMaximum;
  if (typeof exclusiveMin === "number") low = Math.max(low, exclusiveMin + (step || 1e-6));
  if (typeof exclusiveMax === "number") high = Math.min(high, exclusiveMax - (step || 1e-6));
  if (step > 0) {
    const lowStep = Math.ceil(low / step) * step;
    const highStep = Math.floor(high / step) * step;
    value = Math.round(value / step) * step;
    if (value < lowStep) value = lowStep;
    if (value > highStep) value = highStep;
    // Repair float noise from multipleOf like 0.1.
    value = Number.parseFloat(value.toPrecision(12));
  } else {
    value = Math.min(Math.max(value, low), high);
  }
  return integer ? Math.round(value) : value;
}

function synthesizeObject(
  schema: Schema,
  state: State,
  depth: number,
  variant: number,
): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const names = Object.keys(properties);
  // Shallow objects fill every declared property (richer arguments); deep ones only what is required.
  const chosen = depth > 3 ? [...required] : [...new Set([...required, ...names])];
  const minProperties = typeof schema.minProperties === "number" ? schema.minProperties : 0;
  for (const name of names) {
    if (chosen.length >= minProperties) break;
    if (!chosen.includes(name)) chosen.push(name);
  }
  const maxProperties =
    typeof schema.maxProperties === "number" ? schema.maxProperties : Number.POSITIVE_INFINITY;
  const result: Record<string, unknown> = {};
  for (const name of chosen) {
    if (Object.keys(result).length >= maxProperties && !required.includes(name)) continue;
    const propertySchema =
      properties[name] ?? (isSchema(schema.additionalProperties) ? schema.additionalProperties : {});
    // Items of an array pass their index down, so sibling objects get distinct values.
    result[name] = synthesize(
      isSchema(propertySchema) ? propertySchema : {},
      state,
      depth + 1,
      name,
      variant,
    );
  }
  return result;
}

function synthesizeArray(schema: Schema, state: State, depth: number, name: string): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
  const items = isSchema(schema.items) ? schema.items : Array.isArray(schema.items) ? undefined : {};
  const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === "number" ? schema.maxItems : Number.POSITIVE_INFINITY;
  // Dependency lists point at ids the model cannot know; an empty list is the valid, harmless choice.
  if (minItems === 0 && /depend|prerequisite|blocked|requires|after/i.test(name)) return [];
  const wanted = depth > MAX_DEPTH ? minItems : Math.max(minItems, prefix.length, Math.min(2, maxItems));
  const count = items === undefined ? Math.min(prefix.length, maxItems) : Math.min(wanted, maxItems);
  const result: unknown[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < count; index++) {
    const itemSchema = prefix[index] ?? items ?? {};
    let value = synthesize(isSchema(itemSchema) ? itemSchema : {}, state, depth + 1, name, index);
    if (schema.uniqueItems === true) {
      for (let attempt = 1; seen.has(JSON.stringify(value)) && attempt < 8; attempt++) {
        value = synthesize(isSchema(itemSchema) ? itemSchema : {}, state, depth + 1, name, index + attempt);
      }
      seen.add(JSON.stringify(value));
    }
    result.push(value);
  }
  return result;
}

/**
 * The one option the text names, else a seeded pick among the named ones (or all), so a crowd of agents facing
 * the same choice does not all pick the first option.
 */
function pickEnum(options: unknown[], state: State, variant: number): unknown {
  const lower = state.context.values.lower;
  const named = options.filter(
    (option) =>
      typeof option === "string" && new RegExp(`\\b${escapeRegExp(option.toLowerCase())}\\b`).test(lower),
  );
  if (named.length === 1 && variant === 0) return named[0];
  const pool = named.length > 1 ? named : options;
  if (variant > 0) return options[(options.indexOf(pool[0]) + variant) % options.length];
  return state.context.random.pick(pool);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function synthesize(input: Schema, state: State, depth: number, name: string, variant: number): unknown {
  const schema = flatten(input, state, depth);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return pickEnum(schema.enum as unknown[], state, variant);
  const choices = (Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
    const first = isSchema(choices[0]) ? choices[0] : {};
    return synthesize({ ...rest, ...first }, state, depth + 1, name, variant);
  }
  switch (schemaType(schema)) {
    case "object":
      return synthesizeObject(schema, state, depth, variant);
    case "array":
      return synthesizeArray(schema, state, depth, name);
    case "integer":
      return synthesizeNumber(schema, state, name, true);
    case "number":
      return synthesizeNumber(schema, state, name, false);
    case "boolean":
      return typeof schema.default === "boolean"
        ? schema.default
        : !/\b(?:not|no|false|without)\b/.test(state.context.values.lower);
    case "null":
      return null;
    default:
      if (/^id$|_id$|[a-z]Id$/.test(name) && schema.format === undefined && schema.pattern === undefined) {
        return String(++state.idCounter);
      }
      if (
        MEMBER_PROPERTY.test(name) &&
        state.context.values.listItems.length > 0 &&
        schema.format === undefined
      ) {
        const items = state.context.values.listItems;
        return items[state.listCursor++ % items.length] as string;
      }
      return pickStringValue(schema, state.context, name, variant);
  }
}

/**
 * Builds a value that validates against a JSON schema (objects with required properties, types, enums, arrays,
 * nested objects, bounds, string formats, `anyOf`/`oneOf` (first branch), `allOf`, `$ref` into `$defs`), filling
 * it with values lifted from the user's text where a property name suggests one.
 *
 * @example
 * ```ts
 * synthesizeFromSchema(
 *   { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
 *   { values: extractValues("Weather in Paris?"), random: createRandom(1) },
 * ); // => { city: "Paris" }
 * ```
 */
export function synthesizeFromSchema(schema: unknown, context: SynthesisContext): unknown {
  const root = isSchema(schema) ? schema : {};
  return synthesize(root, { root, context, numberCursor: 0, idCounter: 0, listCursor: 0 }, 0, "", 0);
}
