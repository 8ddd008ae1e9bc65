import type { Benchmark } from "../harness/types.js";
import { chatOverhead } from "./chat-overhead.js";
import { emulatorThroughput } from "./emulator-throughput.js";
import { keyHandling } from "./key-handling.js";
import { multiTenant } from "./multi-tenant.js";
import { orchestrator } from "./orchestrator.js";
import { quotaThroughput } from "./quota-throughput.js";

/** Every registered benchmark, in the order they run and appear in the table. */
export const benchmarks: readonly Benchmark[] = [
  keyHandling,
  chatOverhead,
  multiTenant,
  orchestrator,
  quotaThroughput,
  emulatorThroughput,
];
