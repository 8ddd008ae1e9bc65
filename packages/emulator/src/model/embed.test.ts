import { describe, expect, it } from "vitest";
import { simulateEmbedding } from "./embed.js";

const options = { seed: 42, dimensions: 1024 };

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let index = 0; index < a.length; index++) dot += (a[index] as number) * (b[index] as number);
  return dot;
}

function norm(vector: number[]): number {
  return Math.sqrt(cosine(vector, vector));
}

describe("simulateEmbedding", () => {
  it("returns a unit vector of the requested dimension, also for empty text", () => {
    for (const text of ["The cat sat on the mat", "", "!!!", "x".repeat(10_000)]) {
      const vector = simulateEmbedding(text, options);
      expect(vector).toHaveLength(1024);
      expect(norm(vector)).toBeCloseTo(1, 9);
      expect(vector.every(Number.isFinite)).toBe(true);
    }
    expect(simulateEmbedding("hello", { seed: 1, dimensions: 256 })).toHaveLength(256);
  });

  it("is deterministic for a seed and text, and changes with the seed", () => {
    expect(simulateEmbedding("The cat sat", options)).toEqual(simulateEmbedding("The cat sat", options));
    expect(simulateEmbedding("The cat sat", options)).not.toEqual(
      simulateEmbedding("The cat sat", { ...options, seed: 7 }),
    );
  });

  it("ranks similar texts above unrelated ones", () => {
    const query = simulateEmbedding("How do I reset my password?", options);
    const similar = simulateEmbedding("Steps to reset a forgotten password", options);
    const related = simulateEmbedding("Password requirements for new accounts", options);
    const unrelated = simulateEmbedding("The recipe needs two cups of flour", options);
    expect(cosine(query, similar)).toBeGreaterThan(cosine(query, related));
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated));
    expect(cosine(query, simulateEmbedding("how do i reset my password", options))).toBeGreaterThan(0.99);
    // Shared stems count: "running" is closer to "runner" than to "banana".
    const running = simulateEmbedding("running", options);
    expect(cosine(running, simulateEmbedding("runner", options))).toBeGreaterThan(
      cosine(running, simulateEmbedding("banana", options)),
    );
  });
});
