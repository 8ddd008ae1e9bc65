import { Console } from "node:console";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, makeLongTermKey, makeShortTermKey } from "../__fixtures__/keys.js";
import { BedrockApiKey } from "./bedrock-api-key.js";
import { parseBedrockApiKey } from "./parse-bedrock-api-key.js";

const CANARY_SECRET = "Q0FOQVJZLWRvLW5vdC1sZWFrLTAxMjM0NTY3ODlhYmNkZWY=";

function consoleLog(...values: unknown[]): string {
  let output = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  new Console({ stdout: sink, stderr: sink }).log(...values);
  return output;
}

describe("BedrockApiKey", () => {
  const raw = makeLongTermKey({ secret: CANARY_SECRET });
  const key = parseBedrockApiKey(raw);
  const redacted = `ABSK…(${key.fingerprint})`;

  it("prints only the redacted form everywhere", () => {
    expect(String(key)).toBe(redacted);
    expect(`${key}`).toBe(redacted);
    expect(JSON.stringify({ key })).toBe(`{"key":"${redacted}"}`);
    expect(inspect(key)).toBe(redacted);
    expect(consoleLog(key)).toBe(`${redacted}\n`);
    expect(consoleLog({ tenant: "acme", key })).toContain(redacted);
  });

  it("shows only public facts to spreading, Object.keys and structuredClone", () => {
    const dumps = [
      JSON.stringify({ ...key }),
      JSON.stringify(Object.keys(key)),
      inspect(structuredClone(key), { showHidden: true, depth: 5 }),
      inspect({ ...key }, { showHidden: true }),
    ];
    for (const dump of dumps) {
      expect(dump).not.toContain(raw.slice(4, 30));
      expect(dump).not.toContain(CANARY_SECRET.slice(0, 12));
    }
    expect(Object.keys(key).sort()).toEqual(["accountId", "fingerprint", "kind", "userName"]);
    expect({ ...key }).toMatchObject({
      kind: "long-term",
      fingerprint: key.fingerprint,
      accountId: "123456789012",
    });
  });

  it("reveals the secret only through reveal()", () => {
    expect(key.reveal()).toBe(raw);
  });

  it("redacts a short-term key with its prefix", () => {
    const short = parseBedrockApiKey(makeShortTermKey(), { now: FIXTURE_NOW });
    expect(String(short)).toBe(`bedrock-api-key-…(${short.fingerprint})`);
  });

  it("is recognised by isInstance, including a copy made by another package version", () => {
    expect(BedrockApiKey.isInstance(key)).toBe(true);
    expect(BedrockApiKey.isInstance({ ...key })).toBe(false);
    expect(BedrockApiKey.isInstance(raw)).toBe(false);
    const foreign = { [Symbol.for("@bedrock-keys/credentials.BedrockApiKey")]: true };
    expect(BedrockApiKey.isInstance(foreign)).toBe(true);
  });
});
