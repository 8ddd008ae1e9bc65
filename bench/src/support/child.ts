import { type ChildProcess, fork } from "node:child_process";

interface ChildReply<T> {
  id: number;
  ok: boolean;
  output?: T;
  error?: string;
  /** Peak resident set size of the child so far, in megabytes. */
  maxRssMb: number;
}

interface Pending<O> {
  resolve: (value: { output: O; maxRssMb: number }) => void;
  reject: (error: Error) => void;
}

/**
 * A child Node process running a script that calls `serveChild`, started with this process's loader flags (tsx),
 * so a load generator or a memory-hungry scenario gets its own event loop, core and heap. Jobs go over IPC.
 *
 * @example
 * const worker = ChildWorker.start<Input, Output>(file);
 * const { output } = await worker.run(input, { timeoutMs: 10_000 });
 * worker.close();
 */
export class ChildWorker<I, O> {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, Pending<O>>();
  #nextId = 0;
  #exitError: Error | undefined;

  private constructor(file: string) {
    this.#child = fork(file, [], {
      execArgv: process.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.#child.on("message", (reply: ChildReply<O>) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve({ output: reply.output as O, maxRssMb: reply.maxRssMb });
      else pending.reject(new Error(reply.error ?? "child job failed"));
    });
    const failAll = (error: Error) => {
      this.#exitError = error;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    this.#child.on("error", failAll);
    this.#child.on("exit", (code, signal) => failAll(new Error(`child exited (${code ?? signal})`)));
  }

  static start<I, O>(file: string): ChildWorker<I, O> {
    return new ChildWorker<I, O>(file);
  }

  /** Runs one job; rejects on timeout or abort (and then kills the child, whose state is unknown). */
  run(
    input: I,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<{ output: O; maxRssMb: number }> {
    if (this.#exitError) return Promise.reject(this.#exitError);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
      };
      const fail = (error: Error) => {
        this.#pending.delete(id);
        cleanup();
        this.close();
        reject(error);
      };
      const onAbort = () => fail(new Error("aborted"));
      const timer = setTimeout(
        () => fail(new Error(`child job timed out after ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.#pending.set(id, {
        resolve: (value) => {
          cleanup();
          resolve(value);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        },
      });
      this.#child.send({ id, input });
    });
  }

  /** Stops the child. */
  close(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill("SIGKILL");
  }
}

/** Runs one job in a fresh child process (so its peak RSS is that job's alone) and stops the child. */
export async function runInChild<I, O>(
  file: string,
  input: I,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ output: O; maxRssMb: number }> {
  const worker = ChildWorker.start<I, O>(file);
  try {
    return await worker.run(input, options);
  } finally {
    worker.close();
  }
}

/** In a child script: answers each job with `handler`'s output and the process's peak RSS so far. */
export function serveChild<I, O>(handler: (input: I) => Promise<O>): void {
  process.on("message", async (message: { id: number; input: I }) => {
    let reply: ChildReply<O>;
    try {
      const output = await handler(message.input);
      reply = { id: message.id, ok: true, output, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      reply = { id: message.id, ok: false, error: text, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    }
    process.send?.(reply);
  });
  // Exit with the parent: no orphaned load generators.
  process.on("disconnect", () => process.exit(0));
}
