import { fileURLToPath } from "node:url";
import type { AuditSummary, HostCommand } from "../children/emulator-host.js";
import { ChildWorker } from "./child.js";
import type { ScriptedResponse } from "./contracts.js";

const hostFile = fileURLToPath(new URL("../children/emulator-host.js", import.meta.url)).replace(
  /\.js$/,
  ".ts",
);

interface HostInfo {
  url: string;
  region: string;
  testCredentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The emulator in its own process, driven over IPC: the client under test gets this process's core and event
 * loop to itself, as it would against a remote Bedrock, and the server cannot steal its time.
 */
export class RemoteEmulator {
  readonly url: string;
  readonly region: string;
  readonly testCredentials: { accessKeyId: string; secretAccessKey: string };
  readonly #worker: ChildWorker<HostCommand, unknown>;

  private constructor(worker: ChildWorker<HostCommand, unknown>, info: HostInfo) {
    this.#worker = worker;
    this.url = info.url;
    this.region = info.region;
    this.testCredentials = info.testCredentials;
  }

  static async start(options: Omit<Extract<HostCommand, { command: "start" }>, "command"> = {}) {
    const worker = ChildWorker.start<HostCommand, unknown>(hostFile);
    try {
      const info = (await worker.run({ command: "start", ...options }, { timeoutMs: 30_000 })).output;
      return new RemoteEmulator(worker, info as HostInfo);
    } catch (error) {
      worker.close();
      throw error;
    }
  }

  async issueLongTermKey(userName: string): Promise<string> {
    return (await this.#send({ command: "issueLongTermKey", userName })) as string;
  }

  async script(modelId: string, responses: ScriptedResponse[]): Promise<void> {
    await this.#send({ command: "script", modelId, responses });
  }

  async clearAudit(): Promise<void> {
    await this.#send({ command: "clearAudit" });
  }

  async auditSummary(): Promise<AuditSummary> {
    return (await this.#send({ command: "auditSummary" })) as AuditSummary;
  }

  async close(): Promise<void> {
    try {
      await this.#send({ command: "close" });
    } finally {
      this.#worker.close();
    }
  }

  /** Stops the child at once (for an aborted benchmark). */
  kill(): void {
    this.#worker.close();
  }

  async #send(command: HostCommand): Promise<unknown> {
    return (await this.#worker.run(command, { timeoutMs: 30_000 })).output;
  }
}

/** Starts a remote emulator, runs `use`, and always stops it; an abort kills it at once. */
export async function withRemoteEmulator<T>(
  options: Parameters<typeof RemoteEmulator.start>[0],
  use: (emulator: RemoteEmulator) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const emulator = await RemoteEmulator.start(options);
  const onAbort = () => emulator.kill();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await use(emulator);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await emulator.close().catch(() => {});
  }
}
