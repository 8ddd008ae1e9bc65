import { describe, expect, it } from "vitest";
import { CAMEL_ASSISTANT_SYSTEM, CAMEL_USER_SYSTEM } from "./__fixtures__/requests.js";
import { composeReply, detectReplyMode, detectRole, detectTask } from "./compose-reply.js";
import { createRandom } from "./hash.js";

describe("detectReplyMode", () => {
  it("reads CAMEL's AI user and AI assistant prompts", () => {
    expect(detectReplyMode(CAMEL_USER_SYSTEM)).toBe("instructor");
    expect(detectReplyMode(CAMEL_ASSISTANT_SYSTEM)).toBe("solver");
    expect(detectReplyMode("You are the AI user. Give one instruction at a time.")).toBe("instructor");
    expect(detectReplyMode("You are a helpful assistant.")).toBe("assistant");
    expect(detectReplyMode("")).toBe("assistant");
  });
});

describe("detectRole and detectTask", () => {
  it("extracts the assigned role and the task", () => {
    expect(detectRole(CAMEL_ASSISTANT_SYSTEM)).toBe("Python Programmer");
    expect(detectRole("You are a pirate who loves maps.")).toBe("pirate");
    expect(detectRole("You are helpful.")).toBeUndefined();
    expect(detectTask(CAMEL_USER_SYSTEM, "fallback")).toBe("Develop a trading bot for the stock market");
    expect(detectTask("No task here.", "fallback")).toBe("fallback");
  });
});

describe("composeReply", () => {
  const base = { system: "", firstUserText: "", ownTurns: 0, targetTokens: 40 };

  it("answers as the role the system prompt assigns", () => {
    const text = composeReply({
      ...base,
      mode: "assistant",
      system: "You are a marine biologist.",
      lastUserText: "How do octopuses camouflage?",
      random: createRandom(3),
    });
    expect(text).toMatch(/^As a marine biologist, /);
    expect(text).toContain("octopuses");
  });

  it("greets back when greeted", () => {
    const text = composeReply({
      ...base,
      mode: "assistant",
      lastUserText: "Hello!",
      random: createRandom(1),
    });
    expect(text).toMatch(/^(Hello|Hi)/);
  });

  it("gives the instructor's next step as the turns go on", () => {
    const steps = [0, 1, 2, 3].map((ownTurns) =>
      composeReply({
        ...base,
        mode: "instructor",
        system: CAMEL_USER_SYSTEM,
        ownTurns,
        lastUserText: "Solution: done.",
        random: createRandom(9),
      }),
    );
    expect(new Set(steps).size).toBe(4);
    for (const step of steps)
      expect(step).toMatch(/^Instruction: .+ develop a trading bot for the stock market\.\nInput: /);
  });
});
