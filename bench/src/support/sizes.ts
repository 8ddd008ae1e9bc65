import type { Mode } from "../harness/types.js";

/** Picks the quick or the full value of a size, so each benchmark states both side by side. */
export function bySize<T>(mode: Mode, sizes: { quick: T; full: T }): T {
  return sizes[mode];
}
