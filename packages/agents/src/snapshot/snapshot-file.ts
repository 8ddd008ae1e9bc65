import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `value` as JSON to `path` atomically: a temporary file beside it, then a rename, so a crash never leaves
 * a half-written snapshot.
 *
 * @example
 * ```ts
 * writeSnapshot("out/sim.snapshot.json", { tick: 3, state });
 * ```
 */
export function writeSnapshot(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, path);
}

/**
 * Reads a snapshot written by {@link writeSnapshot}, or `undefined` when there is none.
 *
 * @example
 * ```ts
 * const saved = readSnapshot<{ tick: number }>("out/sim.snapshot.json");
 * ```
 */
export function readSnapshot<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
