import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emulatorFixture } from "../__fixtures__/emulator-fixture.js";
import { Agent } from "../agent/agent.js";
import { CassetteMissError } from "../errors/cassette-miss-error.js";
import { RolePlaying } from "../role-playing/role-playing.js";
import { Transcript } from "../transcript/transcript.js";
import { Cassette } from "./cassette.js";

let fixture: Awaited<ReturnType<typeof emulatorFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("Cassettes against the emulator", () => {
  it("records a role-play, then replays it with the emulator closed to an identical transcript", async () => {
    fixture = await emulatorFixture();
    const canary = fixture.emulator.keys.issueLongTermKey({ userName: "canary-user" });
    const directory = mkdtempSync(join(tmpdir(), "cassette-"));
    const path = join(directory, "role-play.jsonl");
    const model = fixture.model();
    const session = (cassette: Cassette, transcript: Transcript) =>
      new RolePlaying({
        task: "Develop a trading bot for the stock market",
        user: new Agent({ name: "trader", role: "Stock Trader", model, apiKey: canary }),
        assistant: new Agent({ name: "programmer", role: "Python Programmer", model, apiKey: canary }),
        cassette,
        transcript,
        runId: "fixed",
      });

    const recordedTranscript = new Transcript(join(directory, "recorded.transcript.jsonl"));
    const recorded = await session(Cassette.record(path), recordedTranscript).run();
    expect(recorded.status).toBe("completed");
    const requests = fixture.emulator.audit().length;
    await fixture.close();
    fixture = undefined;

    const replayedTranscript = new Transcript();
    const replayed = await session(Cassette.replay(path), replayedTranscript).run();
    expect(replayed.status).toBe("completed");
    expect(replayedTranscript.hash()).toBe(recordedTranscript.hash());
    expect(replayed.result).toEqual(recorded.result);
    expect(replayed.usage.run.calls).toBe(requests);

    const files =
      readFileSync(path, "utf8") + readFileSync(join(directory, "recorded.transcript.jsonl"), "utf8");
    expect(files).not.toContain(canary);
    expect(files).toContain(new Agent({ name: "x", model, apiKey: canary }).tenant);
  });

  it("fails loudly on a replay miss, naming the agent and request", async () => {
    fixture = await emulatorFixture();
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    const path = join(mkdtempSync(join(tmpdir(), "cassette-")), "miss.jsonl");
    const model = fixture.model();
    const make = (task: string, cassette: Cassette) =>
      new RolePlaying({
        task,
        user: new Agent({ name: "trader", model, apiKey }),
        assistant: new Agent({ name: "programmer", model, apiKey }),
        cassette,
        limits: { maxTurns: 1 },
      });
    await make("Task one", Cassette.record(path)).run();
    const outcome = await make("A different task", Cassette.replay(path)).run();
    expect(outcome.status).toBe("failed");
    expect(outcome.error?.code).toBe("CASSETTE_MISS");
    expect(outcome.error?.message).toContain('agent "trader"');
    expect(
      CassetteMissError.isInstance(
        new CassetteMissError({ agent: "a", sequence: 0, requestHash: "h", preview: "" }),
      ),
    ).toBe(true);
  });
});
