import { KeyNotFoundError, onboardKey } from "@bedrock-keys/credentials";
import { createStyle } from "../format/create-style.js";
import { onboardingReportToJson, renderOnboardingReport } from "../format/render-onboarding-report.js";
import type { CliIo } from "../io/cli-io.js";
import { createStatus } from "../io/create-status.js";
import { readKeyInput } from "../io/read-key-input.js";
import { openKeyStore, type StoreOptions } from "../store/open-key-store.js";

/**
 * Options of `bedrock-keys onboard`.
 *
 * @example
 * ```ts
 * const options: OnboardOptions = { tenant: "acme", verify: true, endpoint: emulator.url };
 * ```
 */
export interface OnboardOptions extends StoreOptions {
  tenant: string;
  json?: boolean;
  /** Bedrock Runtime endpoint override, e.g. the emulator's URL. */
  endpoint?: string;
  /** Region for a long-term key (a short-term key's own region always wins). */
  region?: string;
  /** `--no-verify` sets this to false. */
  verify: boolean;
  probeModel?: string;
  /** A long-term key's expiry as set in IAM (it is not in the key), for the report and its warnings. */
  expiresAt?: Date;
  /** `keys rotate`: the tenant must already have an active key, which the new one replaces. */
  rotate?: boolean;
}

/**
 * `bedrock-keys onboard --tenant T`: reads a pasted key (hidden prompt or stdin), diagnoses it, verifies it live,
 * stores it sealed in the key store and prints the report — never the key. A tenant's previous key is retired
 * once the new one is verified; `keys rotate` is the same path for a tenant that must already have a key.
 *
 * @example
 * ```ts
 * await runOnboard({ tenant: "acme", verify: true, store: "./keys.db" }, io);
 * ```
 */
export async function runOnboard(options: OnboardOptions, io: CliIo): Promise<void> {
  const store = openKeyStore(options, io);
  const status = createStatus(io);
  try {
    if (options.rotate === true && (await store.get(options.tenant)) === undefined) {
      throw new KeyNotFoundError(options.tenant);
    }
    const pasted = await readKeyInput(
      io,
      `Paste the ${options.rotate === true ? "new " : ""}Bedrock API key for tenant "${options.tenant}"`,
    );
    status.start(options.verify ? "Checking the key and verifying it with Bedrock" : "Checking the key");
    const report = await onboardKey({
      tenantId: options.tenant,
      pasted,
      store,
      verify: options.verify,
      env: { ...io.env },
      now: io.now(),
      ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
      ...(options.region !== undefined && { region: options.region }),
      ...(options.probeModel !== undefined && { probeModel: options.probeModel }),
      ...(options.expiresAt !== undefined && { expiresAt: options.expiresAt }),
    }).catch((error: unknown) => {
      status.fail("The key was not stored");
      throw error;
    });
    status.succeed(
      `Key ${report.redacted} stored for tenant "${report.tenantId}"` +
        (report.retired.length > 0 ? `; retired ${report.retired.join(", ")}` : ""),
    );
    io.stdout.write(
      options.json === true
        ? `${JSON.stringify(onboardingReportToJson(report), null, 2)}\n`
        : renderOnboardingReport(report, io.now(), createStyle(io, io.stdout)),
    );
  } finally {
    store.close();
  }
}
