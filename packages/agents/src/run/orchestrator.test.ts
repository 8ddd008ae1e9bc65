import { describe, expect, it } from "vitest";
import { summarizeError } from "./orchestrator.js";

describe("summarizeError", () => {
  it("scrubs key material another layer might have put in an error message", () => {
    const canary = "ABSKQmVkcm9ja0FQSUtleS1DQU5BUlktYXQtMTIzNDU2Nzg5MDEyOmNhbmFyeS1zZWNyZXQ=";
    const summary = summarizeError(
      Object.assign(new Error(`rejected ${canary} and Bearer ${canary}`), { code: "X" }),
    );
    expect(JSON.stringify(summary)).not.toContain("canary");
    expect(JSON.stringify(summary)).not.toContain(canary.slice(10, 40));
    expect(summary.code).toBe("X");
  });
});
