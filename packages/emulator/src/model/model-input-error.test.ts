import { describe, expect, it } from "vitest";
import { ModelInputError } from "./model-input-error.js";

describe("ModelInputError", () => {
  it("has a stable code, keeps its cause and is recognized across copies by its brand", () => {
    const cause = new SyntaxError("bad");
    const error = new ModelInputError(
      "Malformed input request: x, please reformat your input and try again.",
      { cause },
    );
    expect(error.code).toBe("MODEL_INPUT_INVALID");
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("ModelInputError");
    expect(ModelInputError.isInstance(error)).toBe(true);
    expect(ModelInputError.isInstance({ [Symbol.for("@bedrock-keys/emulator.ModelInputError")]: true })).toBe(
      true,
    );
    expect(ModelInputError.isInstance(new Error("x"))).toBe(false);
    expect(ModelInputError.isInstance(undefined)).toBe(false);
  });
});
