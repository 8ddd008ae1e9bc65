import { type KeyStore, onboardKey } from "@bedrock-keys/credentials";
import type { OnboardRequest } from "./onboard-request.js";
import type { ReportView } from "./report-view.js";
import { toReportView } from "./to-report-view.js";

/**
 * Options of {@link createOnboardHandler}.
 *
 * @example
 * ```ts
 * const options: OnboardHandlerOptions = { store: new MemoryKeyStore(), endpoint: emulator.url, region: "us-east-1" };
 * ```
 */
export interface OnboardHandlerOptions {
  store: KeyStore;
  /** Bedrock Runtime endpoint, e.g. the emulator's URL; default Amazon Bedrock. */
  endpoint?: string;
  /** Region for long-term keys (a short-term key's own region wins). */
  region?: string;
  now?: () => Date;
}

/**
 * The server's `onboard` function: `onboardKey` (diagnose, verify live, seal into the store) for one form
 * submission, answered as a {@link ReportView}. Typed errors pass through for the server to map.
 *
 * @example
 * ```ts
 * const onboard = createOnboardHandler({ store: new MemoryKeyStore(), endpoint: emulator.url, region: "us-east-1" });
 * ```
 */
export function createOnboardHandler(
  options: OnboardHandlerOptions,
): (request: OnboardRequest) => Promise<ReportView> {
  return async ({ tenantId, key }) => {
    const report = await onboardKey({
      tenantId,
      pasted: key,
      store: options.store,
      env: {},
      ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
      ...(options.region !== undefined && { region: options.region }),
      ...(options.now !== undefined && { now: options.now() }),
    });
    return toReportView(report);
  };
}
