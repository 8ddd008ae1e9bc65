import { fingerprintKey } from "@bedrock-keys/credentials";
import { describe, expect, it } from "vitest";

describe("workspace resolution", () => {
  it("resolves @bedrock-keys/credentials to its sources", () => {
    expect(fingerprintKey("x")).toHaveLength(8);
  });
});
