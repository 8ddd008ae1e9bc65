import { describe, expect, it } from "vitest";
import { extractJson } from "../util/extract-json.js";
import { validatePlan } from "./plan-schema.js";

describe("validatePlan", () => {
  it("accepts a plan, defaulting dependsOn and dropping unknown dependencies", () => {
    const plan = validatePlan(
      {
        subtasks: [
          { id: "a", description: "first" },
          { id: "b", description: "second", dependsOn: ["a", "ghost", "done"] },
        ],
      },
      new Set(["done"]),
    );
    expect(plan).toEqual([
      { id: "a", description: "first", dependsOn: [] },
      { id: "b", description: "second", dependsOn: ["a", "done"] },
    ]);
  });

  it("rejects cycles, duplicate ids and schema violations", () => {
    const cycle = {
      subtasks: [
        { id: "a", description: "x", dependsOn: ["b"] },
        { id: "b", description: "y", dependsOn: ["a"] },
      ],
    };
    expect(validatePlan(cycle)).toBeUndefined();
    expect(
      validatePlan({
        subtasks: [
          { id: "a", description: "x" },
          { id: "a", description: "y" },
        ],
      }),
    ).toBeUndefined();
    expect(validatePlan({ subtasks: [] })).toBeUndefined();
    expect(validatePlan({ steps: ["a"] })).toBeUndefined();
  });

  it("reads JSON from fenced blocks and surrounding prose", () => {
    expect(extractJson('Sure!\n```json\n{"subtasks":[]}\n```')).toEqual({ subtasks: [] });
    expect(extractJson('Plan: {"a": 1} done')).toEqual({ a: 1 });
    expect(extractJson("no json")).toBeUndefined();
  });
});
