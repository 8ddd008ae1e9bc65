import { z } from "zod";

const summarySchema = z.strictObject({
  median: z.number(),
  q1: z.number(),
  q3: z.number(),
  min: z.number(),
  max: z.number(),
  n: z.number().int().positive(),
});

const targetSchema = z.strictObject({
  metric: z.enum(["ratio", "ours"]),
  op: z.enum(["<=", "<", ">=", ">", "=="]),
  value: z.number(),
});

const entrySchema = z
  .strictObject({
    group: z.string().min(1),
    name: z.string().min(1),
    unit: z.string().min(1),
    better: z.enum(["lower", "higher"]),
    status: z.enum(["ok", "skipped", "error"]),
    ours: summarySchema.nullable(),
    anchor: summarySchema.nullable(),
    anchorName: z.string().nullable(),
    ratio: z.number().nullable(),
    target: targetSchema.nullable(),
    met: z.boolean().nullable(),
    note: z.string().optional(),
  })
  .refine((entry) => entry.status !== "ok" || entry.ours !== null, {
    message: "a measured entry has our value",
  })
  .refine((entry) => entry.status === "ok" || (entry.ours === null && entry.ratio === null && entry.note), {
    message: "a skipped or failed entry has no number and says why",
  });

/** The schema of `bench/results/latest.json`; the harness validates against it before writing. */
export const resultsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  timestamp: z.iso.datetime(),
  mode: z.enum(["quick", "full"]),
  machine: z.strictObject({
    cpus: z.number().int().positive(),
    model: z.string(),
    node: z.string(),
    os: z.string(),
    memoryGb: z.number(),
  }),
  durationSeconds: z.number().nonnegative(),
  benchmarks: z.array(entrySchema),
});
