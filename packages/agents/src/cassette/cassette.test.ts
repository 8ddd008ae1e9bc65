import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaseMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { ScriptedChatModel } from "../__fixtures__/scripted-chat-model.js";
import { Agent } from "../agent/agent.js";
import { messageText } from "../model/message-text.js";
import { Transcript } from "../transcript/transcript.js";
import { Workforce } from "../workforce/workforce.js";
import { Cassette } from "./cassette.js";

const plan = JSON.stringify({
  subtasks: ["a", "b", "c", "d"].map((id) => ({ id, description: `part ${id}`, dependsOn: [] })),
});

function team(respond: (messages: BaseMessage[], name: string) => string | Promise<string>) {
  const make = (name: string) =>
    new Agent({ name, model: new ScriptedChatModel((messages) => respond(messages, name)) });
  return { coordinator: make("coordinator"), workers: [make("w1"), make("w2")] };
}

describe("Cassette", () => {
  it("replays a concurrent workforce deterministically whatever order its calls run in", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cassette-")), "workforce.jsonl");
    const live = team(async (messages, name) => {
      const last = messageText(messages.at(-1)!);
      if (last.includes("Decompose")) return plan;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10)));
      return `${name} answered ${last.length}`;
    });
    const recordedTranscript = new Transcript();
    const recorded = await new Workforce({
      task: "four parts",
      ...live,
      concurrency: 4,
      cassette: Cassette.record(path),
      transcript: recordedTranscript,
    }).run();
    expect(recorded.status).toBe("completed");

    const offline = team(() => {
      throw new Error("the network must not be used during replay");
    });
    const replayedTranscript = new Transcript();
    const replayed = await new Workforce({
      task: "four parts",
      ...offline,
      concurrency: 4,
      cassette: Cassette.replay(path),
      transcript: replayedTranscript,
    }).run();
    expect(replayed.error).toBeUndefined();
    expect(replayed.status).toBe("completed");
    expect(replayed.result).toEqual(recorded.result);
    expect(replayedTranscript.hash()).toBe(recordedTranscript.hash());
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(recorded.usage.run.calls);
  });
});
