import { describe, expect, it } from "vitest";
import { interleave } from "./interleave.js";

describe("interleave", () => {
  it("rotates which contender goes first and drops the warm-up rounds", async () => {
    const order: string[] = [];
    let round = 0;
    const contender = (name: string) => async () => {
      order.push(name);
      return round++;
    };
    const samples = await interleave({
      contenders: { a: contender("a"), b: contender("b"), c: contender("c") },
      warmupRounds: 1,
      rounds: 2,
    });
    expect(order).toEqual(["a", "b", "c", "b", "c", "a", "c", "a", "b"]);
    expect(samples.a).toHaveLength(2);
    expect(samples.b).toHaveLength(2);
    expect(samples.c).toHaveLength(2);
    expect(samples.a).toEqual([5, 7]);
  });

  it("stops between contenders once the signal is aborted", async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = interleave({
      contenders: {
        first: async () => {
          calls++;
          controller.abort(new Error("budget"));
          return 1;
        },
        second: async () => {
          calls++;
          return 2;
        },
      },
      warmupRounds: 0,
      rounds: 3,
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow("budget");
    expect(calls).toBe(1);
  });
});
