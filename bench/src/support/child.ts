import { fork } from "node:child_process";

interface ChildReply<T> {
  ok: boolean;
  output?: T;
  error?: string;
  /** Peak resident set size of the child, in megabytes. */
  maxRssMb: number;
}

/**
 * Runs a child script (a file that calls `serveChild`) in its own Node process with the same loader flags as
 * this one (tsx), hands it `input`, and resolves with its output and peak RSS. The child is killed on abort or
 * when it exceeds `timeoutMs`.
 */
export function runInChild<I, O>(
  file: string,
  input: I,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ output: O; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], {
      execArgv: process.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    const finish = (error: Error | undefined, value?: { output: O; maxRssMb: number }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (child.exitCode === null) child.kill("SIGKILL");
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = () => finish(new Error("aborted"));
    const timer = setTimeout(
      () => finish(new Error(`child timed out after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("message", (message: ChildReply<O>) => {
      if (message.ok) finish(undefined, { output: message.output as O, maxRssMb: message.maxRssMb });
      else finish(new Error(message.error ?? "child failed"));
    });
    child.on("error", (error) => finish(error));
    child.on("exit", (code) => finish(new Error(`child exited with code ${code} before replying`)));
    child.send({ input });
  });
}

/** In a child script: waits for its input, runs `handler`, replies with the output and peak RSS, then exits. */
export function serveChild<I, O>(handler: (input: I) => Promise<O>): void {
  process.once("message", async (message: { input: I }) => {
    let reply: ChildReply<O>;
    try {
      const output = await handler(message.input);
      reply = { ok: true, output, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      reply = { ok: false, error: text, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    }
    process.send?.(reply, () => process.exit(0));
  });
}
