import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type KeyStore, MemoryKeyStore } from "@bedrock-keys/credentials";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { createOnboardHandler } from "./create-onboard-handler.js";
import { type AccessLogEntry, createOnboardingServer } from "./create-onboarding-server.js";

/**
 * Options of {@link startOnboardingApp}.
 *
 * @example
 * ```ts
 * const options: OnboardingAppOptions = { port: 3000 };
 * ```
 */
export interface OnboardingAppOptions {
  port?: number;
  host?: string;
  /** Verify keys against this Bedrock Runtime endpoint; default: an embedded emulator. */
  endpoint?: string;
  region?: string;
  store?: KeyStore;
  log?: (entry: AccessLogEntry) => void;
  now?: () => Date;
}

/**
 * A running onboarding page.
 *
 * @example
 * ```ts
 * const app: OnboardingApp = await startOnboardingApp();
 * ```
 */
export interface OnboardingApp {
  url: string;
  server: Server;
  store: KeyStore;
  /** The embedded emulator, when no endpoint was given. */
  emulator?: Emulator;
  close(): Promise<void>;
}

/**
 * Starts the onboarding page: the HTTP server, an in-memory sealed key store (unless one is given), and — unless
 * `endpoint` points elsewhere — an embedded emulator that verifies the pasted keys.
 *
 * @example
 * ```ts
 * const app = await startOnboardingApp({ port: 3000 });
 * console.log(`open ${app.url}`);
 * ```
 */
export async function startOnboardingApp(options: OnboardingAppOptions = {}): Promise<OnboardingApp> {
  const emulator = options.endpoint === undefined ? await startEmulator() : undefined;
  const store = options.store ?? new MemoryKeyStore();
  const endpoint = options.endpoint ?? emulator?.url;
  const region = options.region ?? emulator?.region;
  const server = createOnboardingServer({
    onboard: createOnboardHandler({
      store,
      ...(endpoint !== undefined && { endpoint }),
      ...(region !== undefined && { region }),
      ...(options.now !== undefined && { now: options.now }),
    }),
    ...(options.log !== undefined && { log: options.log }),
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    server,
    store,
    ...(emulator !== undefined && { emulator }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator?.close();
    },
  };
}
