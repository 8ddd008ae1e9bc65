import { describe, expect, it } from "vitest";
import { MissingRegionError } from "../errors/missing-region-error.js";
import { RegionMismatchError } from "../errors/region-mismatch-error.js";
import { resolveRegion } from "./resolve-region.js";

describe("resolveRegion", () => {
  const env = { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "ap-south-1" };

  it("prefers the short-term key's region over everything", () => {
    expect(resolveRegion({ keyRegion: "us-west-2", env })).toBe("us-west-2");
    expect(resolveRegion({ keyRegion: "us-west-2", region: "us-west-2", env })).toBe("us-west-2");
  });

  it("then the explicit region, then AWS_REGION, then AWS_DEFAULT_REGION", () => {
    expect(resolveRegion({ region: "ca-central-1", env })).toBe("ca-central-1");
    expect(resolveRegion({ env })).toBe("eu-west-1");
    expect(resolveRegion({ env: { AWS_REGION: " ", AWS_DEFAULT_REGION: "ap-south-1" } })).toBe("ap-south-1");
  });

  it("refuses an explicit region that contradicts the key's", () => {
    expect(() => resolveRegion({ keyRegion: "us-west-2", region: "us-east-1", env: {} })).toThrow(
      expect.objectContaining({
        code: "REGION_MISMATCH",
        keyRegion: "us-west-2",
        requestedRegion: "us-east-1",
      }),
    );
    try {
      resolveRegion({ keyRegion: "us-west-2", region: "us-east-1", env: {} });
    } catch (error) {
      expect(RegionMismatchError.isInstance(error)).toBe(true);
    }
  });

  it("says how to fix a missing region", () => {
    expect(() => resolveRegion({ env: {} })).toThrow(MissingRegionError);
    expect(() => resolveRegion({ env: {} })).toThrow(/AWS_REGION/);
  });
});
