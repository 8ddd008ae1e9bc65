import { afterEach, describe, expect, it } from "vitest";
import { emulatorFixture } from "../__fixtures__/emulator-fixture.js";
import { Agent } from "../agent/agent.js";
import { Workforce } from "./workforce.js";

const coordinatorModel = "anthropic.claude-3-5-haiku-20241022-v1:0";
const analystModel = "amazon.nova-lite-v1:0";
const coderModel = "meta.llama3-1-8b-instruct-v1:0";

let fixture: Awaited<ReturnType<typeof emulatorFixture>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("Workforce against the emulator", () => {
  it("decomposes with structured output, runs in parallel, retries a scripted failure and reassigns", async () => {
    fixture = await emulatorFixture({ latency: { firstTokenMs: 250 } });
    const keyA = fixture.emulator.keys.issueLongTermKey({ userName: "tenant-a" });
    const keyB = fixture.emulator.keys.issueLongTermKey({ userName: "tenant-b" });
    fixture.emulator.script(coordinatorModel, [
      {
        toolCalls: [
          {
            name: "plan",
            input: {
              subtasks: [
                {
                  id: "prices",
                  description: "collect recent market prices",
                  dependsOn: [],
                  worker: "analyst",
                },
                { id: "news", description: "summarise market news", dependsOn: [], worker: "analyst" },
                {
                  id: "code",
                  description: "write python code for the bot",
                  dependsOn: ["prices"],
                  worker: "coder",
                },
              ],
            },
          },
        ],
      },
    ]);
    fixture.emulator.script(
      coderModel,
      Array.from({ length: 4 }, () => ({ error: "validation" as const })),
    );
    const coordinator = new Agent({
      name: "coordinator",
      model: fixture.model({ model: coordinatorModel }),
      apiKey: keyA,
    });
    const analyst = new Agent({
      name: "analyst",
      description: "market analyst",
      model: fixture.model({ model: analystModel }),
      apiKey: keyA,
    });
    const coder = new Agent({
      name: "coder",
      description: "python programmer",
      model: fixture.model({ model: coderModel }),
      apiKey: keyB,
    });
    const workforce = new Workforce({
      task: "Build a stock trading bot",
      coordinator,
      workers: [analyst, coder],
    });
    const events: string[] = [];
    workforce.on("task-retried", (event) => events.push(`retried ${event.taskId} ${event.attempt}`));
    workforce.on("task-assigned", (event) => events.push(`assigned ${event.taskId} ${event.agent}`));
    const outcome = await workforce.run();

    expect(outcome.status).toBe("completed");
    expect(outcome.result?.plan.map((subtask) => subtask.id)).toEqual(["prices", "news", "code"]);
    expect(events).toEqual(
      expect.arrayContaining(["retried code 3", "assigned code coder", "assigned code analyst"]),
    );
    expect(outcome.result?.results.code?.worker).toBe("analyst");
    expect(outcome.result?.finalAnswer?.length).toBeGreaterThan(0);

    const audit = fixture.emulator.audit();
    const analystCalls = audit.filter((entry) => entry.modelId === analystModel && entry.status === 200);
    const overlap = analystCalls.some((a) =>
      analystCalls.some((b) => a !== b && a.startedAt < b.endedAt && b.startedAt < a.endedAt),
    );
    expect(overlap).toBe(true);
    const coderCalls = audit.filter((entry) => entry.modelId === coderModel);
    expect(coderCalls).toHaveLength(4);
    expect(coderCalls.every((entry) => entry.fingerprint === coder.tenant && entry.status === 400)).toBe(
      true,
    );
    expect(analystCalls.every((entry) => entry.fingerprint === analyst.tenant)).toBe(true);
    expect(outcome.usage.byTenant[coder.tenant]).toBeUndefined();
    expect(outcome.usage.byTenant[analyst.tenant]?.calls).toBe(analystCalls.length + 2);
  });

  it("stops at a cost budget with the finished subtasks as the partial result", async () => {
    fixture = await emulatorFixture();
    const apiKey = fixture.emulator.keys.issueLongTermKey();
    const model = fixture.model({ model: "anthropic.claude-sonnet-4-20250514-v1:0" });
    const outcome = await new Workforce({
      task: "Write a long market report",
      coordinator: new Agent({ name: "coordinator", model, apiKey }),
      workers: [new Agent({ name: "writer", model, apiKey })],
      concurrency: 1,
      structuredOutput: false,
      limits: { maxCostUsd: 0.000001 },
    }).run();
    expect(outcome.status).toBe("stopped");
    expect(outcome.reason).toBe("max-cost");
    expect(outcome.partialResult?.plan.length).toBeGreaterThan(0);
    expect(outcome.usage.run.costUsd).toBeGreaterThan(0);
  });
});
