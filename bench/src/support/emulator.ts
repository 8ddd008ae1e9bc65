import type { EmulatorApi, EmulatorLike, EmulatorOptions } from "./contracts.js";
import { loadApi } from "./load-api.js";

/**
 * Starts the emulator in this process on a free loopback port (zero latency unless asked), runs `use`, and
 * always closes it.
 *
 * @example
 * await withEmulator({}, async (emulator) => { ... });
 */
export async function withEmulator<T>(
  options: EmulatorOptions,
  use: (emulator: EmulatorLike) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const { startEmulator } = await loadApi<EmulatorApi>("@bedrock-keys/emulator", ["startEmulator"]);
  const emulator = await startEmulator({ port: 0, ...options });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= emulator.close();
    return closing;
  };
  // A benchmark stopped by its time budget must not keep loading the machine while the next one measures:
  // closing the server makes its pending calls fail fast.
  const onAbort = () => void close().catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await use(emulator);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await close();
  }
}
