import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Runs the real bin (`src/bin.ts`) in a child process through tsx, resolving workspace packages to their
 * sources, exactly as a user's shell would run it but without a build.
 */
export async function spawnCli(
  argv: string[],
  options: {
    stdin?: string | Uint8Array;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** Send SIGINT once stdout so far satisfies this. */
    killWhen?: (stdout: string) => boolean;
  } = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--conditions=@bedrock-keys/source", "--import", "tsx", "src/bin.ts", ...argv],
    {
      cwd: packageRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NO_COLOR: "1", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let interrupted = false;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout.push(chunk);
    if (!interrupted && options.killWhen?.(Buffer.concat(stdout).toString("utf8")) === true) {
      interrupted = true;
      child.kill("SIGINT");
    }
  });
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  // The child may stop reading early (e.g. on oversized input); that is not an error of the test.
  child.stdin.on("error", () => {});
  if (options.killWhen === undefined)
    child.stdin.end(options.stdin === undefined ? undefined : Buffer.from(options.stdin));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  clearTimeout(timer);
  return {
    code,
    signal,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
  };
}
