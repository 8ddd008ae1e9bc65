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
): Promise<T> {
  const { startEmulator } = await loadApi<EmulatorApi>("@bedrock-keys/emulator", ["startEmulator"]);
  const emulator = await startEmulator({ port: 0, ...options });
  try {
    return await use(emulator);
  } finally {
    await emulator.close();
  }
}
