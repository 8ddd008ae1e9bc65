import { describe, expect, it } from "vitest";
import { findTerminationToken } from "./termination-token.js";

describe("findTerminationToken", () => {
  it("finds angle-bracket tokens and ignores CAMEL's placeholders", () => {
    expect(
      findTerminationToken(
        "Instruction: <YOUR_INSTRUCTION>\nInput: <YOUR_INPUT>. Reply <CAMEL_TASK_DONE> when done.",
      ),
    ).toBe("<CAMEL_TASK_DONE>");
    expect(findTerminationToken("Say <TASK_DONE> once the task is complete.")).toBe("<TASK_DONE>");
    expect(findTerminationToken("End the chat with <GOODBYE>.")).toBe("<GOODBYE>");
    expect(findTerminationToken("Instruction: <YOUR_INSTRUCTION>")).toBeUndefined();
  });

  it("finds 'say X when done' instructions and AutoGen's TERMINATE", () => {
    expect(findTerminationToken("Say FINISHED when you are done.")).toBe("FINISHED");
    expect(findTerminationToken('Reply with "ALL_DONE" when the plan is complete.')).toBe("ALL_DONE");
    expect(findTerminationToken("Reply TERMINATE if the task has been solved at full satisfaction.")).toBe(
      "TERMINATE",
    );
  });

  it("finds nothing in ordinary prompts, placeholders or ordinary 'write X when' phrases", () => {
    expect(findTerminationToken("You are a coder. Write tests when you change code.")).toBeUndefined();
    expect(findTerminationToken("Answer using the <DOCUMENT> below.")).toBeUndefined();
    expect(findTerminationToken("Say <END_OF_TASK> when finished.")).toBe("<END_OF_TASK>");
    expect(findTerminationToken("")).toBeUndefined();
    expect(findTerminationToken("You are a helpful assistant. Answer briefly.")).toBeUndefined();
  });
});
