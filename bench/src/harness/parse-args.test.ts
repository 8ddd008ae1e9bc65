import { describe, expect, it } from "vitest";
import { parseArgs } from "./parse-args.js";

describe("parseArgs", () => {
  it("defaults to the full mode, all benchmarks, the default output", () => {
    expect(parseArgs([])).toEqual({ mode: "full", only: [], out: undefined });
  });

  it("reads --quick, --only and --out, skipping the -- that pnpm forwards", () => {
    expect(parseArgs(["--", "--quick", "--only", "a,b", "--only=c", "--out=/tmp/x.json"])).toEqual({
      mode: "quick",
      only: ["a", "b", "c"],
      out: "/tmp/x.json",
    });
  });

  it("refuses unknown arguments", () => {
    expect(() => parseArgs(["--fast"])).toThrow(/unknown argument/);
  });
});
