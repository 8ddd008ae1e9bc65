import type { Benchmark } from "../harness/types.js";
import { keyHandling } from "./key-handling.js";

/** Every registered benchmark, in the order they run and appear in the table. */
export const benchmarks: readonly Benchmark[] = [keyHandling];
