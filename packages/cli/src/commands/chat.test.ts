import { describe, expect, it } from "vitest";
import { leakedWindows } from "../__fixtures__/canary-keys.js";
import { run } from "../__fixtures__/test-io.js";
import { useEmulatorAndStore } from "../__fixtures__/use-emulator-and-store.js";
import { ExitCode } from "../exit-codes.js";

describe("bedrock-keys chat", () => {
  const fixture = useEmulatorAndStore();

  it("streams an answer per line of input on the tenant's key, and stops at /exit", async () => {
    const { key, fingerprint } = await fixture.onboardTenant();
    fixture.emulator.clearAudit();
    const result = await run(
      ["chat", "--tenant", "acme", "--endpoint", fixture.emulator.url, "--store", fixture.temp.store],
      {
        stdin: "Hello there\n\nName three colours.\n/exit\nThis line is never sent\n",
        env: fixture.temp.env,
        now: new Date(),
      },
    );
    expect(result.code).toBe(ExitCode.Ok);
    const answers = result.stdout.split("\n").filter((line) => line.trim() !== "");
    expect(answers).toHaveLength(2);
    const audit = fixture.emulator.audit();
    expect(audit.map((entry) => entry.operation)).toEqual(["ConverseStream", "ConverseStream"]);
    expect(audit.every((entry) => entry.fingerprint === fingerprint)).toBe(true);
    expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);
  });

  it("retries a throttled message and still answers it", async () => {
    await fixture.onboardTenant();
    fixture.emulator.clearAudit();
    fixture.emulator.script("amazon.nova-lite-v1:0", [{ error: "throttling" }, { text: "Still here." }]);
    const result = await run(
      ["chat", "--tenant", "acme", "--endpoint", fixture.emulator.url, "--store", fixture.temp.store],
      {
        stdin: "Are you there?\n",
        env: fixture.temp.env,
        now: new Date(),
      },
    );
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout.trim()).toBe("Still here.");
    expect(fixture.emulator.audit().map((entry) => entry.status)).toEqual([429, 200]);
  });

  it("exits 5 for a tenant without a key, and 2 without --tenant", async () => {
    const missing = await run(
      ["chat", "--tenant", "ghost", "--endpoint", fixture.emulator.url, "--store", fixture.temp.store],
      {
        stdin: "hi\n",
        env: fixture.temp.env,
      },
    );
    expect(missing.code).toBe(ExitCode.Store);
    expect(missing.stderr).toContain("[NO_ACTIVE_KEY]");
    expect((await run(["chat"], { stdin: "hi\n" })).code).toBe(ExitCode.Usage);
  });

  it("exits 4 when the stored key has been revoked at the provider", async () => {
    const { key } = await fixture.onboardTenant();
    fixture.emulator.keys.revoke(key);
    const result = await run(
      ["chat", "--tenant", "acme", "--endpoint", fixture.emulator.url, "--store", fixture.temp.store],
      {
        stdin: "hi\n",
        env: fixture.temp.env,
      },
    );
    expect(result.code).toBe(ExitCode.KeyRejected);
    expect(leakedWindows(result.stdout + result.stderr, key)).toEqual([]);
  });
});
