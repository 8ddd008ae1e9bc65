import { DEFAULT_MODELS, type Emulator, type ModelInfo, startEmulator } from "@bedrock-keys/emulator";
import { ChatBedrockKey } from "@bedrock-keys/langchain";
import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "../agent/agent.js";
import { RateLimiterRegistry } from "../limits/rate-limiter-registry.js";
import { Workforce } from "../workforce/workforce.js";
import { auditUsage, failureCounts, ISSUE_FAULTS, instantClock } from "./__fixtures__/fault-harness.js";

const WORKFORCES = 1;
const SUBTASKS = 200; // one plan of 200 subtasks (maxSubtasks lifts the default cap of 24)
const WORKER_MODEL = "amazon.nova-lite-v1:0";
const haiku = DEFAULT_MODELS.find((model) => model.modelId.includes("claude-3-5-haiku")) as ModelInfo;

/** One coordinator model per workforce, so each plan script is consumed by its own workforce only. */
const coordinatorModel = (index: number): string => `anthropic.claude-coordinator-${index}-v1:0`;

function plan(index: number) {
  return Array.from({ length: SUBTASKS }, (_, task) => ({
    id: `t${String(task).padStart(3, "0")}`,
    description: `Part ${task} of report ${index}: summarise sector ${task}`,
    // The second half builds on the first, so dependencies gate scheduling under faults too.
    dependsOn: task >= SUBTASKS / 2 ? [`t${String(task - SUBTASKS / 2).padStart(3, "0")}`] : [],
    worker: ["analyst", "writer", "reviewer"][task % 3],
  }));
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("Workforce under faults (20% throttling, 5% unavailable, 2% mid-stream, 2% resets)", () => {
  it("completes all 200 subtasks of one workforce exactly once; usage and cost equal the audit", async () => {
    const models: ModelInfo[] = [
      ...DEFAULT_MODELS,
      ...Array.from({ length: WORKFORCES }, (_, index) => ({ ...haiku, modelId: coordinatorModel(index) })),
    ];
    // Resets surface as the SDK's HTTP/2 TimeoutError, which the orchestrator retries like any transient error,
    // on coordinator and worker calls alike.
    emulator = await startEmulator({ models, faults: ISSUE_FAULTS });
    const endpoint = emulator.url;
    const tenants = [
      emulator.keys.issueLongTermKey({ userName: "tenant-a" }),
      emulator.keys.issueLongTermKey({ userName: "tenant-b" }),
    ];
    const model = (id: string) =>
      new ChatBedrockKey({
        model: id,
        endpoint,
        region: "us-east-1",
        maxRetries: 0,
        maxTokens: 64,
        env: {},
      });
    const workerModel = model(WORKER_MODEL);
    const rateLimiters = new RateLimiterRegistry({ clock: instantClock });
    const completions = new Map<string, number>();
    const workforces = Array.from({ length: WORKFORCES }, (_, index) => {
      emulator?.script(coordinatorModel(index), [
        { toolCalls: [{ name: "plan", input: { subtasks: plan(index) } }] },
      ]);
      // The coordinator runs on tenant A's key; the workers alternate between the two tenants' keys.
      const apiKey = tenants[index % 2] as string;
      const workerKey = (worker: number) => tenants[(index + worker) % 2] as string;
      const workforce = new Workforce({
        task: `Write market report ${index}`,
        coordinator: new Agent({ name: "coordinator", model: model(coordinatorModel(index)), apiKey }),
        // Streaming workers meet mid-stream exceptions after the HTTP 200.
        workers: [
          new Agent({
            name: "analyst",
            description: "market analyst",
            model: workerModel,
            apiKey: workerKey(0),
            stream: true,
          }),
          new Agent({
            name: "writer",
            description: "writer",
            model: workerModel,
            apiKey: workerKey(1),
            stream: true,
          }),
          new Agent({
            name: "reviewer",
            description: "reviewer",
            model: workerModel,
            apiKey: workerKey(2),
            stream: true,
          }),
        ],
        maxSubtasks: SUBTASKS,
        concurrency: 16,
        clock: instantClock,
        rateLimiters,
        random: () => 0.5,
      });
      workforce.on("task-completed", (event) => {
        const id = `${index}/${event.taskId}`;
        completions.set(id, (completions.get(id) ?? 0) + 1);
      });
      return workforce;
    });

    const outcomes = await Promise.all(workforces.map((workforce) => workforce.run()));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(WORKFORCES).fill("completed"));
    expect(completions.size).toBe(WORKFORCES * SUBTASKS);
    expect([...completions.values()].every((count) => count === 1)).toBe(true);
    for (const outcome of outcomes) {
      expect(outcome.result?.plan).toHaveLength(SUBTASKS);
      expect(Object.keys(outcome.result?.results ?? {})).toHaveLength(SUBTASKS);
      expect(outcome.result?.finalAnswer?.length).toBeGreaterThan(0);
    }

    const audit = emulator.audit();
    const failures = failureCounts(audit);
    expect(failures.ThrottlingException).toBeGreaterThan(20);
    expect(failures.ServiceUnavailableException).toBeGreaterThan(0);
    // A mid-stream fault is an exception frame after HTTP 200 on a stream, a ModelErrorException otherwise.
    expect((failures.midStreamError ?? 0) + (failures.ModelErrorException ?? 0)).toBeGreaterThan(0);
    expect(failures.connectionReset).toBeGreaterThan(0);

    const expected = auditUsage(audit);
    const total = outcomes.reduce(
      (sum, outcome) => ({
        calls: sum.calls + outcome.usage.run.calls,
        inputTokens: sum.inputTokens + outcome.usage.run.inputTokens,
        outputTokens: sum.outputTokens + outcome.usage.run.outputTokens,
        costUsd: sum.costUsd + outcome.usage.run.costUsd,
      }),
      { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
    );
    expect(total.calls).toBe(expected.calls);
    expect(total.inputTokens).toBe(expected.inputTokens);
    expect(total.outputTokens).toBe(expected.outputTokens);
    expect(total.costUsd).toBeCloseTo(expected.costUsd, 10);
    for (const key of tenants) {
      const fingerprint = new Agent({ name: "probe", model: workerModel, apiKey: key }).tenant;
      const billed = outcomes.reduce(
        (sum, outcome) => sum + (outcome.usage.byTenant[fingerprint]?.calls ?? 0),
        0,
      );
      expect(billed).toBe(auditUsage(audit, fingerprint).calls);
    }
  });
});
