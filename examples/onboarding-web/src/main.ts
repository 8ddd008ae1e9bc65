import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startOnboardingApp } from "./start-onboarding-app.js";
import { writeDemoKeys } from "./write-demo-keys.js";

// `pnpm start [--port 3000] [--endpoint url --region r]`: the onboarding page, verifying keys against an
// embedded emulator unless --endpoint points at a Bedrock Runtime.
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    host: { type: "string", default: "127.0.0.1" },
    endpoint: { type: "string" },
    region: { type: "string" },
    "demo-keys": { type: "string", default: join(tmpdir(), "bedrock-keys-onboarding-demo") },
  },
});

const app = await startOnboardingApp({
  port: Number(values.port),
  host: values.host,
  ...(values.endpoint !== undefined && { endpoint: values.endpoint }),
  ...(values.region !== undefined && { region: values.region }),
});
process.stdout.write(`Onboarding page: ${app.url}\n`);
if (app.emulator !== undefined) {
  const files = await writeDemoKeys(app.emulator, values["demo-keys"]);
  process.stdout.write(
    `Keys are verified against an embedded emulator (${app.emulator.url}). Keys it accepts, to paste into the page:\n` +
      files.map((file) => `  ${file}`).join("\n") +
      "\n",
  );
}
process.stdout.write("Press Ctrl-C to stop.\n");

const stop = (): void => {
  void app.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
