import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extractValues } from "./extract-values.js";
import { createRandom } from "./hash.js";
import { synthesizeFromSchema } from "./synthesize-from-schema.js";

function synthesize(schema: unknown, text = "Plan a trip to Lisbon for 3 people on 2025-06-01") {
  return synthesizeFromSchema(schema, { values: extractValues(text), random: createRandom(7) });
}

function expectValid(schema: Record<string, unknown>, text?: string): unknown {
  const value = synthesize(schema, text);
  const result = z.fromJSONSchema(schema as never).safeParse(value);
  expect(result.error?.issues ?? [], JSON.stringify(value)).toEqual([]);
  return value;
}

describe("synthesizeFromSchema", () => {
  it("fills required and optional properties of nested objects with the right types", () => {
    const value = expectValid({
      type: "object",
      properties: {
        destination: { type: "string" },
        travelers: { type: "integer", minimum: 1, maximum: 10 },
        budget: { type: "number", exclusiveMinimum: 0 },
        refundable: { type: "boolean" },
        start: { type: "string", format: "date" },
        contact: {
          type: "object",
          properties: { email: { type: "string", format: "email" }, phone: { type: "string" } },
          required: ["email"],
          additionalProperties: false,
        },
      },
      required: ["destination", "travelers", "contact"],
      additionalProperties: false,
    }) as Record<string, unknown>;
    expect(value.destination).toBe("Lisbon");
    expect(value.travelers).toBe(3);
    expect(value.start).toBe("2025-06-01");
  });

  it("follows $ref into $defs and definitions, including recursive definitions", () => {
    expectValid({
      type: "object",
      properties: { root: { $ref: "#/$defs/node" } },
      required: ["root"],
      $defs: {
        node: {
          type: "object",
          properties: {
            label: { type: "string" },
            children: { type: "array", items: { $ref: "#/$defs/node" } },
          },
          required: ["label", "children"],
        },
      },
    });
    const legacy = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      properties: { leaf: { $ref: "#/definitions/leaf" } },
      definitions: { leaf: { type: "integer", const: 5 } },
    };
    expect(expectValid(legacy)).toEqual({ leaf: 5 });
  });

  it("picks the first anyOf/oneOf branch, honours const, enums and nullable types", () => {
    const value = expectValid(
      {
        type: "object",
        properties: {
          id: { anyOf: [{ type: "string", format: "uuid" }, { type: "integer" }] },
          shape: {
            oneOf: [
              {
                type: "object",
                properties: { kind: { const: "circle" }, radius: { type: "number", minimum: 1 } },
                required: ["kind", "radius"],
              },
              { type: "string" },
            ],
          },
          mode: { type: "string", enum: ["fast", "careful", "balanced"] },
          note: { type: ["string", "null"] },
        },
        required: ["id", "shape", "mode", "note"],
      },
      "Use the careful mode please",
    ) as Record<string, unknown>;
    expect(value.mode).toBe("careful");
    expect(value.shape).toMatchObject({ kind: "circle" });
  });

  it("respects array bounds, unique items and tuples", () => {
    const value = expectValid({
      type: "object",
      properties: {
        colors: { type: "array", items: { enum: ["red", "green", "blue"] }, minItems: 3, uniqueItems: true },
        scores: {
          type: "array",
          items: { type: "number", minimum: 0, maximum: 1 },
          minItems: 4,
          maxItems: 4,
        },
        none: { type: "array", items: { type: "string" }, maxItems: 0 },
        pair: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
        tags: { type: "array", items: { type: "string", minLength: 2 }, minItems: 5, uniqueItems: true },
      },
      required: ["colors", "scores", "none", "pair", "tags"],
    }) as Record<string, unknown[]>;
    expect(value.colors).toHaveLength(3);
    expect(value.scores).toHaveLength(4);
    expect(value.none).toEqual([]);
  });

  it("honours numeric bounds, exclusivity and multipleOf", () => {
    expectValid(
      {
        type: "object",
        properties: {
          a: { type: "integer", minimum: 50, maximum: 60 },
          b: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
          c: { type: "integer", multipleOf: 5, minimum: 11 },
          d: { type: "number", multipleOf: 0.25 },
        },
        required: ["a", "b", "c", "d"],
      },
      "numbers 7 and 123.456 and -4 and 2.1",
    );
  });

  it("produces strings of the requested formats, lengths and patterns", () => {
    expectValid({
      type: "object",
      properties: {
        when: { type: "string", format: "date-time" },
        at: { type: "string", format: "time" },
        site: { type: "string", format: "uri" },
        uid: { type: "string", format: "uuid" },
        ip: { type: "string", format: "ipv4" },
        short: { type: "string", maxLength: 4 },
        long: { type: "string", minLength: 40 },
        code: { type: "string", pattern: "^[A-Z]{3}-\\d{3}$" },
        digits: { type: "string", pattern: "^[0-9]+$" },
      },
      required: ["when", "at", "site", "uid", "ip", "short", "long", "code", "digits"],
    });
  });

  it("merges allOf and honours minProperties", () => {
    expectValid({
      allOf: [
        { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
        { type: "object", properties: { b: { type: "integer" } }, required: ["b"] },
      ],
    });
    expectValid({
      type: "object",
      properties: { x: { type: "string" }, y: { type: "string" } },
      minProperties: 2,
    });
  });

  it("validates against schemas generated by zod for structured output", () => {
    const plan = z.object({
      subtasks: z
        .array(
          z.object({
            id: z.string(),
            description: z.string().min(5),
            worker: z.enum(["researcher", "writer", "reviewer"]),
            dependencies: z.array(z.string()),
            estimate: z.number().int().positive().max(100),
            due: z.iso.datetime().optional(),
            owner: z.email().nullable(),
          }),
        )
        .min(2),
      summary: z.string(),
      approved: z.boolean(),
    });
    const schema = z.toJSONSchema(plan) as Record<string, unknown>;
    const value = synthesize(schema, "Research and write a report on solar power") as z.infer<typeof plan>;
    expect(plan.safeParse(value).error?.issues ?? []).toEqual([]);
    expect(value.subtasks.map((task) => task.id)).toEqual(["1", "2"]);
    expect(value.subtasks[0]?.dependencies).toEqual([]);
  });

  it("is deterministic", () => {
    const schema = {
      type: "object",
      properties: { n: { type: "number" }, s: { type: "string", format: "uuid" } },
    };
    expect(synthesize(schema)).toEqual(synthesize(schema));
  });
});

describe("synthesizeFromSchema: enums across a crowd", () => {
  it("takes the option the text names, and spreads seeded picks otherwise", () => {
    const schema = { type: "string", enum: ["buy", "sell", "hold"] };
    expect(synthesize(schema, "I think we should sell now")).toBe("sell");
    const picks = new Set(
      Array.from({ length: 30 }, (_, seed) =>
        synthesizeFromSchema(schema, {
          values: extractValues("Market is calm today"),
          random: createRandom(seed),
        }),
      ),
    );
    expect(picks).toEqual(new Set(["buy", "sell", "hold"]));
    const named = new Set(
      Array.from({ length: 30 }, (_, seed) =>
        synthesizeFromSchema(schema, {
          values: extractValues("Options: buy or hold."),
          random: createRandom(seed),
        }),
      ),
    );
    expect(named).toEqual(new Set(["buy", "hold"]));
  });
});
