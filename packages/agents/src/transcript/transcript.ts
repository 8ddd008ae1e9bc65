import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AgentEvent } from "../events/agent-events.js";
import type { RunEmitter } from "../events/run-emitter.js";
import { sha256, stableStringify } from "../util/hash.js";

const volatile = new Set(["time", "runId", "waitMs"]);
const unstableTypes = new Set(["throttled", "budget-warning"]);

/**
 * A JSONL transcript of every event of a run (optionally written to `path`), and a hash over its deterministic
 * content (times, run ids and throttling dropped) so a replayed run can be compared with its recording.
 *
 * @example
 * ```ts
 * const transcript = new Transcript("out/run.jsonl");
 * const run = new RolePlaying({ ...options, transcript });
 * await run.run();
 * console.log(transcript.hash());
 * ```
 */
export class Transcript {
  readonly path: string | undefined;
  readonly lines: string[] = [];
  private readonly pending: string[] = [];
  private readonly digestParts: string[] = [];

  constructor(path?: string) {
    this.path = path;
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, "", { flag: "a" });
    }
  }

  /** Subscribes to every event of `emitter`; returns a function that stops listening. */
  attach(emitter: RunEmitter): () => void {
    const unsubscribe = emitter.subscribe((event) => {
      this.add(event);
      if (event.type === "run-end") this.flush();
    });
    return () => {
      unsubscribe();
      this.flush();
    };
  }

  add(event: AgentEvent): void {
    const line = JSON.stringify(event);
    this.lines.push(line);
    this.pending.push(line);
    if (!unstableTypes.has(event.type)) {
      const stable = Object.fromEntries(Object.entries(event).filter(([key]) => !volatile.has(key)));
      this.digestParts.push(stableStringify(stable));
    }
    if (this.pending.length >= 256) this.flush();
  }

  /** Writes buffered lines to the file. */
  flush(): void {
    if (!this.path || this.pending.length === 0) return;
    appendFileSync(this.path, `${this.pending.join("\n")}\n`);
    this.pending.length = 0;
  }

  /**
   * SHA-256 over the deterministic content of every event so far. Lines are sorted first, so runs whose
   * concurrent agents interleave differently (a replayed Workforce or Simulation) still compare equal.
   */
  hash(): string {
    return sha256([...this.digestParts].sort().join("\n"));
  }
}
