import { randomBytes } from "node:crypto";
import { mintShortTermKey } from "@bedrock-keys/credentials";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakedWindows } from "./__fixtures__/canary-keys.js";
import { createTempStore } from "./__fixtures__/temp-store.js";
import { run } from "./__fixtures__/test-io.js";

// Issue 9's CLI canary: every command, on success and on each failure (with --debug, which prints stacks and
// cause chains), must print no 8-character window of the key's secret part.
describe("CLI canary: no command prints key material", () => {
  let emulator: Emulator;
  let temp: Awaited<ReturnType<typeof createTempStore>>;
  const outputs: Array<{ label: string; text: string }> = [];
  const keys: Array<{ kind: string; key: string }> = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    temp = await createTempStore();
  });
  afterAll(async () => {
    await emulator.close();
    await temp.dispose();
  });

  async function capture(label: string, argv: string[], options: Parameters<typeof run>[1] = {}) {
    const result = await run(argv, {
      env: { ...temp.env, AWS_REGION: "us-east-1" },
      now: new Date(),
      ...options,
    });
    outputs.push({ label, text: result.stdout + result.stderr });
    return result;
  }

  it("runs every command with a long-term and a short-term canary key, succeeding and failing", async () => {
    const longTerm = emulator.keys.issueLongTermKey();
    const shortTerm = (
      await mintShortTermKey({ credentials: emulator.keys.testCredentials, region: "us-east-1" })
    ).reveal();
    const revoked = emulator.keys.issueLongTermKey();
    emulator.keys.revoke(revoked);
    keys.push(
      { kind: "long-term", key: longTerm },
      { kind: "short-term", key: shortTerm },
      { kind: "revoked", key: revoked },
    );
    const store = ["--store", temp.store];
    const target = ["--endpoint", emulator.url, ...store];

    for (const [name, key] of [
      ["long", longTerm],
      ["short", shortTerm],
    ] as const) {
      await capture(`inspect ${name}`, ["inspect"], { stdin: key });
      await capture(`inspect --json ${name}`, ["inspect", "--json"], { stdin: key });
      await capture(`inspect --debug truncated ${name}`, ["inspect", "--debug"], {
        stdin: key.slice(0, key.length - 9),
      });
      expect(
        (await capture(`onboard ${name}`, ["onboard", "--tenant", name, ...target], { stdin: key })).code,
      ).toBe(0);
      await capture(`onboard --json ${name}`, ["onboard", "--tenant", `${name}-json`, "--json", ...target], {
        stdin: key,
      });
      await capture(`keys show ${name}`, ["keys", "show", name, ...store]);
      await capture(`chat ${name}`, ["chat", "--tenant", name, ...target], { stdin: "hello\n" });
      await capture(`simulate ${name}`, [
        "simulate",
        "role-play",
        "--turns",
        "1",
        "--tenant",
        name,
        ...target,
      ]);
      await capture(
        `demo env ${name}`,
        [
          "demo",
          "--latency",
          "none",
          "--agents",
          "2",
          "--ticks",
          "1",
          "--turns",
          "1",
          "--endpoint",
          emulator.url,
        ],
        {
          env: { AWS_BEARER_TOKEN_BEDROCK: key, AWS_REGION: "us-east-1" },
        },
      );
      await capture(`key as argument ${name}`, ["inspect", key]);
      await capture(`key as option value ${name}`, ["onboard", "--tenant", key, ...target], { stdin: key });
    }
    await capture("keys list", ["keys", "list", ...store]);
    await capture("keys list --json", ["keys", "list", "--json", ...store]);
    await capture("rotate", ["keys", "rotate", "long", "--debug", ...target], { stdin: shortTerm });
    expect(
      (
        await capture("onboard revoked --debug", ["onboard", "--tenant", "x", "--debug", ...target], {
          stdin: revoked,
        })
      ).code,
    ).toBe(4);
    await capture(
      "demo revoked --debug",
      ["demo", "--debug", "--latency", "none", "--endpoint", emulator.url],
      {
        env: { AWS_BEARER_TOKEN_BEDROCK: revoked, AWS_REGION: "us-east-1" },
      },
    );
    await capture("two keys pasted --debug", ["inspect", "--debug"], { stdin: `${longTerm}\n${shortTerm}` });
    await capture("wrong master key --debug", ["keys", "list", "--debug", ...store], {
      env: { BEDROCK_KEYS_MASTER_KEY: randomBytes(32).toString("base64") },
    });
    emulator.keys.revoke(longTerm);
    await capture(
      "chat on a revoked stored key --debug",
      ["chat", "--debug", "--tenant", "long-json", ...target],
      { stdin: "hi\n" },
    );
    await capture("keys revoke", ["keys", "revoke", "short", ...store]);
    await capture("chat after revoke --debug", ["chat", "--debug", "--tenant", "short", ...target], {
      stdin: "hi\n",
    });

    expect(outputs.length).toBeGreaterThan(25);
    const leaks = outputs.flatMap(({ label, text }) =>
      keys.flatMap(({ kind, key }) =>
        leakedWindows(text, key).map((window) => `${label}: ${kind} ${window}`),
      ),
    );
    expect(leaks).toEqual([]);
    // The --debug runs did print stacks: the scan covered them.
    expect(outputs.some(({ label, text }) => label.includes("--debug") && /\n\s+at /.test(text))).toBe(true);
  }, 60_000);
});
