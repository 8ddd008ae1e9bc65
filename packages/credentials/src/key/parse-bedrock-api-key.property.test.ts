import { Console } from "node:console";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, makeLongTermKey, makeShortTermKey } from "../__fixtures__/keys.js";
import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import { parseBedrockApiKey } from "./parse-bedrock-api-key.js";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function consoleLog(value: unknown): string {
  let output = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  new Console({ stdout: sink, stderr: sink }).log(value);
  return output;
}

/** Everything a key or an error could end up printed as. */
function everyRendering(outcome: unknown): string {
  if (outcome instanceof Error) {
    // The stack's frames name this test file's path, which is not input; keep only its first line.
    outcome.stack = `${outcome.name}: ${outcome.message}`;
    return [
      outcome.message,
      String(outcome),
      JSON.stringify(outcome),
      inspect(outcome, { depth: 5 }),
      consoleLog(outcome),
    ].join("\n");
  }
  return [
    String(outcome),
    JSON.stringify(outcome),
    JSON.stringify({ nested: outcome }),
    JSON.stringify({ ...(outcome as object) }),
    inspect(outcome, { depth: 5, showHidden: true }),
    inspect(structuredClone(outcome), { depth: 5 }),
    consoleLog(outcome),
    consoleLog({ key: outcome }),
  ].join("\n");
}

function outcomeOf(input: string): unknown {
  try {
    return parseBedrockApiKey(input, { now: FIXTURE_NOW });
  } catch (error) {
    return error;
  }
}

/** Asserts `rendered` contains no 8-character run of `secret` (runs with whitespace are skipped). */
function expectNoRunOf(secret: string, rendered: string): void {
  for (let start = 0; start + 8 <= secret.length; start += 1) {
    const run = secret.slice(start, start + 8);
    if (/\s/.test(run)) continue;
    if (rendered.includes(run)) throw new Error(`leaked an 8-character run at offset ${start}`);
  }
}

const body = fc.string({ unit: fc.constantFrom(...BASE64), minLength: 8, maxLength: 180 });
const padding = fc.constantFrom("", "=", "==");
const prefix = fc.constantFrom(
  "ABSK",
  "bedrock-api-key-",
  "",
  "sk-",
  "sk-ant-",
  "AKIA",
  "eyJ",
  "AIza",
  "absk",
);
const decoration = fc.constantFrom(
  (text: string) => text,
  (text: string) => `  "${text}"\n`,
  (text: string) => `Bearer ${text}`,
  (text: string) => `Authorization: Bearer ${text}`,
  (text: string) => `export AWS_BEARER_TOKEN_BEDROCK='${text}'`,
  (text: string) => (text.match(/.{1,20}/g) ?? []).join("\n"),
  (text: string) => `${text} ${text}`,
);
type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>((text) => text),
  fc.nat().map<Mutation>((index) => (text) => text.slice(0, index % (text.length + 1))),
  fc
    .tuple(fc.nat(), fc.constantFrom("-", "_", " ", "%", "é", "=", "\u0000", "A"))
    .map<Mutation>(([index, character]) => (text) => {
      const at = index % (text.length + 1);
      return text.slice(0, at) + character + text.slice(at + 1);
    }),
);

describe("parseBedrockApiKey (property)", () => {
  it("only ever throws BedrockKeyFormatError, and never for arbitrary text echoes it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (input) => {
        const outcome = outcomeOf(input);
        if (outcome instanceof Error) {
          expect(BedrockKeyFormatError.isInstance(outcome)).toBe(true);
          expectNoRunOf(input, everyRendering(outcome));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("leaks no 8-character run of a key-shaped secret through errors or keys", () => {
    fc.assert(
      fc.property(prefix, body, padding, decoration, mutation, (head, secret, pad, decorate, mutate) => {
        const outcome = outcomeOf(decorate(mutate(head + secret + pad)));
        if (outcome instanceof Error) expect(BedrockKeyFormatError.isInstance(outcome)).toBe(true);
        expectNoRunOf(secret, everyRendering(outcome));
      }),
      { numRuns: 500 },
    );
  });

  it("leaks nothing of real-looking long-term keys, intact or damaged", () => {
    fc.assert(
      fc.property(
        body.filter((secret) => secret.length >= 16),
        fc.stringMatching(/^[A-Za-z0-9]{4}$/),
        decoration,
        mutation,
        (secret, id, decorate, mutate) => {
          const key = makeLongTermKey({ id, secret });
          const outcome = outcomeOf(decorate(mutate(key)));
          if (outcome instanceof Error) expect(BedrockKeyFormatError.isInstance(outcome)).toBe(true);
          const rendered = everyRendering(outcome);
          expectNoRunOf(key.slice(4), rendered);
          expectNoRunOf(secret, rendered);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("leaks nothing of real-looking short-term keys, intact or damaged", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        body,
        decoration,
        mutation,
        (signature, sessionToken, decorate, mutate) => {
          const key = makeShortTermKey({ signature, sessionToken });
          const outcome = outcomeOf(decorate(mutate(key)));
          if (outcome instanceof Error) expect(BedrockKeyFormatError.isInstance(outcome)).toBe(true);
          const rendered = everyRendering(outcome);
          expectNoRunOf(key.slice(16), rendered);
          expectNoRunOf(signature, rendered);
          expectNoRunOf(sessionToken, rendered);
        },
      ),
      { numRuns: 300 },
    );
  });
});
