import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@bedrock-keys/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempStore } from "../__fixtures__/temp-store.js";
import { run } from "../__fixtures__/test-io.js";
import { ExitCode } from "../exit-codes.js";
import { type CanaryKey, findLeaks, issueCanaryKeys } from "./__fixtures__/canary.js";

const CHAT_MODEL = "amazon.nova-lite-v1:0";

interface Ran {
  label: string;
  code: number;
  stdout: string;
  stderr: string;
}

let emulator: Emulator;
let temp: Awaited<ReturnType<typeof createTempStore>>;
let canaries: Awaited<ReturnType<typeof issueCanaryKeys>>;
const now = new Date();
const ran: Ran[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  canaries = await issueCanaryKeys(emulator, now);
  temp = await createTempStore();
});
afterAll(async () => {
  await emulator.close();
  await temp.dispose();
});

/** Runs the CLI in-process, with and without `--debug` (stacks and cause chains), and keeps everything printed. */
async function cli(
  label: string,
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; signal?: AbortSignal; debug?: boolean } = {},
): Promise<Ran> {
  const env = { ...temp.env, AWS_REGION: "us-east-1", ...options.env };
  const runOnce = async (debug: boolean): Promise<Ran> => {
    const result = await run(debug ? [...argv, "--debug"] : argv, {
      env,
      now,
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const record = { label: debug ? `${label} --debug` : label, ...result };
    ran.push(record);
    return record;
  };
  const plain = await runOnce(false);
  if (options.debug === true && plain.code !== ExitCode.Ok) await runOnce(true);
  return plain;
}

const store = (): string[] => ["--store", temp.store];
const target = (): string[] => ["--endpoint", emulator.url, "--region", "us-east-1", ...store()];

/** Pastes that contain a real-looking key but are not one: each must be refused without echoing it. */
function badPastes(key: string): Array<[string, string]> {
  const middle = Math.floor(key.length / 2);
  return [
    ["truncated", key.slice(0, -10)],
    ["trailing garbage", `${key}!!`],
    ["space inside", `${key.slice(0, middle)} ${key.slice(middle)}`],
    ["non-base64 character", `${key.slice(0, middle)}é${key.slice(middle + 1)}`],
    ["two keys", `${key}${key}`],
    ["in a sentence", `my key is ${key} thanks`],
    ["in JSON", JSON.stringify({ apiKey: key, region: "us-east-1" })],
    ["in a header", `Authorization: Bearer ${key}`],
    ["as an export", `export AWS_BEARER_TOKEN_BEDROCK=${key}`],
  ];
}

async function everyCommand(name: string, canary: CanaryKey): Promise<void> {
  const tenant = `tenant-${name}`;
  const key = canary.key;

  // inspect: success, JSON, and every bad paste (with --debug for the failures).
  await cli(`${name} inspect`, ["inspect"], { stdin: key });
  await cli(`${name} inspect --json`, ["inspect", "--json"], { stdin: key });
  for (const [what, pasted] of badPastes(key)) {
    await cli(`${name} inspect ${what}`, ["inspect"], { stdin: pasted, debug: true });
  }
  // A key passed as an argument by mistake: commander must not echo it.
  await cli(`${name} key as argument`, ["inspect", key], { debug: true });

  // onboard: verified, JSON, --no-verify, a 403 from IAM, and bad pastes. (Its CountTokens probe takes no faults;
  // 429 / 500 / mid-stream paths run through chat, simulate and demo below.)
  expect(
    (await cli(`${name} onboard`, ["onboard", "--tenant", tenant, ...target()], { stdin: key })).code,
  ).toBe(ExitCode.Ok);
  await cli(`${name} onboard --json`, ["onboard", "--tenant", `${tenant}-json`, "--json", ...target()], {
    stdin: key,
  });
  await cli(
    `${name} onboard --no-verify`,
    ["onboard", "--tenant", `${tenant}-nv`, "--no-verify", ...target()],
    {
      stdin: key,
    },
  );
  const deny = (denied: boolean) =>
    name === "long-term"
      ? emulator.keys.setStatus(key, denied ? "Inactive" : "Active")
      : emulator.keys.addIamCredentials({ ...emulator.keys.testCredentials, deniedByPolicy: denied });
  deny(true);
  const refused = await cli(`${name} onboard 403`, ["onboard", "--tenant", `${tenant}-403`, ...target()], {
    stdin: key,
    debug: true,
  });
  expect(refused.code).toBe(ExitCode.KeyRejected);
  deny(false);
  for (const [what, pasted] of badPastes(key).slice(0, 4)) {
    await cli(`${name} onboard ${what}`, ["onboard", "--tenant", `${tenant}-bad`, ...target()], {
      stdin: pasted,
      debug: true,
    });
  }

  // keys: metadata only.
  await cli(`${name} keys list`, ["keys", "list", ...store()]);
  await cli(`${name} keys list --json`, ["keys", "list", "--json", ...store()]);
  await cli(`${name} keys show`, ["keys", "show", tenant, "--json", ...store()]);

  // chat on the stored key: an answer, then 429, 500, a mid-stream exception, a reset, and an abort.
  const chat = ["chat", "--tenant", tenant, "--model", CHAT_MODEL, ...target()];
  expect((await cli(`${name} chat`, chat, { stdin: "Hello there\n/exit\n" })).code).toBe(ExitCode.Ok);
  // chat retries throttled and transient calls twice, so three errors in a row surface (403 at once).
  for (const [error, times] of [
    ["accessDenied", 1],
    ["internalServer", 3],
    ["midStreamError", 1], // arrives after HTTP 200, inside the stream: not retried
    ["throttling", 3],
    ["connectionReset", 1], // retried as transient or not, depending on how HTTP/2 reports it
  ] as const) {
    emulator.script(
      CHAT_MODEL,
      Array.from({ length: times }, () => ({ error })),
    );
    const failed = await cli(`${name} chat ${error}`, chat, { stdin: "Hello\n/exit\n" });
    if (error !== "connectionReset") expect(failed.code, `${name} chat ${error}`).not.toBe(ExitCode.Ok);
    // The same failure again with --debug: stacks and cause chains.
    if (error !== "throttling") {
      emulator.script(
        CHAT_MODEL,
        Array.from({ length: times }, () => ({ error })),
      );
      await cli(`${name} chat ${error} --debug`, [...chat, "--debug"], { stdin: "Hello\n/exit\n" });
    }
  }
  // Aborted while the emulator holds the request; wait until the emulator has let it go (it ends on its own).
  const served = emulator.audit().length;
  emulator.faults.set({ sequence: ["slow"], slowMs: 400 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await cli(`${name} chat aborted`, chat, { stdin: "Hello\n", signal: controller.signal });
  for (let wait = 0; wait < 100 && emulator.audit().length === served; wait++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  emulator.faults.clear();

  // simulate as the tenant, recording a cassette to disk; then replay it offline.
  const cassette = join(temp.directory, `${name}.jsonl`);
  const simulate = ["simulate", "--tenant", tenant, "--latency", "none", ...target()];
  expect(
    (
      await cli(`${name} simulate role-play`, [
        "simulate",
        "role-play",
        "--turns",
        "2",
        "--record",
        cassette,
        ...simulate.slice(1),
      ])
    ).code,
  ).toBe(ExitCode.Ok);
  await cli(`${name} simulate replay`, [
    "simulate",
    "role-play",
    "--turns",
    "2",
    "--replay",
    cassette,
    "--latency",
    "none",
  ]);
  await cli(`${name} simulate market`, [
    "simulate",
    "market",
    "--agents",
    "4",
    "--ticks",
    "1",
    ...simulate.slice(1),
  ]);
  // The agents absorb throttling and transient errors with backoff (and report them); nothing may print a key.
  emulator.faults.set({ sequence: ["throttling", "internalServer", "serviceUnavailable", "midStreamError"] });
  await cli(
    `${name} simulate throttled`,
    ["simulate", "market", "--agents", "2", "--ticks", "1", ...simulate.slice(1)],
    {
      debug: true,
    },
  );
  emulator.faults.clear();

  // demo with the key in AWS_BEARER_TOKEN_BEDROCK, pointed at the emulator.
  const demo = [
    "demo",
    "--endpoint",
    emulator.url,
    "--latency",
    "none",
    "--agents",
    "3",
    "--ticks",
    "1",
    "--turns",
    "2",
  ];
  expect((await cli(`${name} demo`, demo, { env: { AWS_BEARER_TOKEN_BEDROCK: key } })).code).toBe(
    ExitCode.Ok,
  );
  deny(true);
  await cli(`${name} demo rejected`, demo, { env: { AWS_BEARER_TOKEN_BEDROCK: key }, debug: true });
  deny(false);
  await cli(`${name} demo bad env`, demo, {
    env: { AWS_BEARER_TOKEN_BEDROCK: key.slice(0, -10) },
    debug: true,
  });

  // rotate to the other canary, then revoke; a second revoke fails.
  const other = name === "long-term" ? canaries.shortTerm.key : canaries.longTerm.key;
  await cli(`${name} keys rotate`, ["keys", "rotate", tenant, "--json", ...target()], { stdin: other });
  await cli(`${name} keys revoke`, ["keys", "revoke", tenant, ...store()]);
  await cli(`${name} keys revoke again`, ["keys", "revoke", tenant, ...store()], { debug: true });
  await cli(`${name} chat revoked`, chat, { stdin: "Hello\n", debug: true });
}

/** The runs whose output holds any 8-character run of either canary's secret, as `label: window`. */
function leakingRuns(runs: readonly Ran[]): string[] {
  return runs
    .map((entry) => ({ label: entry.label, leaks: findLeaks(entry.stdout + entry.stderr, canaries.secrets) }))
    .filter((entry) => entry.leaks.length > 0)
    .map((entry) => `${entry.label}: ${entry.leaks[0]}`);
}

describe("CLI canary: no command prints key material, on success or failure", () => {
  for (const [name, which] of [
    ["long-term", "longTerm"],
    ["short-term", "shortTerm"],
  ] as const) {
    it(`${name} canary: inspect, onboard, keys, chat, simulate, demo, rotate, revoke print no run of the secret`, async () => {
      const first = ran.length;
      await everyCommand(name, canaries[which]);
      const runs = ran.slice(first);
      expect(runs.length).toBeGreaterThan(40);
      expect(leakingRuns(runs)).toEqual([]);
      // The failure paths really failed, with typed errors, their codes and (with --debug) their causes.
      const stderr = runs.map((entry) => entry.stderr).join("\n");
      for (const code of [
        "[TRUNCATED]",
        "ThrottlingException",
        "ONBOARDING_VERIFICATION_FAILED",
        "caused by:",
      ])
        expect(stderr).toContain(code);
    }, 90_000); // about 8 s alone: ~60 in-process CLI runs against the emulator
  }

  it("mint writes its key to stdout only, and nothing else anywhere", async () => {
    const minted = await run(["mint", "--region", "us-east-1", "--expires", "1h"], {
      env: {
        AWS_ACCESS_KEY_ID: emulator.keys.testCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: emulator.keys.testCredentials.secretAccessKey,
      },
      now,
    });
    expect(minted.code).toBe(ExitCode.Ok);
    expect(minted.stdout.trim()).toMatch(/^bedrock-api-key-[A-Za-z0-9+/=]+$/);
    expect(minted.stderr).toBe("");
  });

  it("leaves no key material on disk (SQLite store, WAL, master key file, cassettes) or in the emulator audit", async () => {
    const files = await readdir(temp.directory);
    expect(files).toEqual(expect.arrayContaining(["keys.db", "long-term.jsonl", "short-term.jsonl"]));
    for (const file of files) {
      const bytes = await readFile(join(temp.directory, file));
      for (const text of [bytes.toString("latin1"), bytes.toString("utf8")])
        expect({ file, leaks: findLeaks(text, canaries.secrets) }).toEqual({ file, leaks: [] });
    }
    expect(findLeaks(JSON.stringify(emulator.audit()), canaries.secrets)).toEqual([]);
  });
});
