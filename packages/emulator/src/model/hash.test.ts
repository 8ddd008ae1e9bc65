import { describe, expect, it } from "vitest";
import { createRandom, hashNumber, hashString, randomBase62 } from "./hash.js";

describe("hash helpers", () => {
  it("hashes strings with FNV-1a (32-bit)", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
    expect(hashString("foobar")).toBe(0xbf9cf968);
    expect(hashNumber(1)).not.toBe(hashNumber(2));
  });

  it("draws the same sequence for the same seed, within range", () => {
    const first = createRandom(123);
    const second = createRandom(123);
    const values = Array.from({ length: 100 }, () => first.next());
    expect(values).toEqual(Array.from({ length: 100 }, () => second.next()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
    const random = createRandom(5);
    for (let index = 0; index < 100; index++) expect(random.int(3)).toBeLessThan(3);
    expect(randomBase62(createRandom(9), 22)).toMatch(/^[0-9A-Za-z]{22}$/);
  });
});
