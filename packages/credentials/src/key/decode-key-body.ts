import { BedrockKeyFormatError } from "../errors/bedrock-key-format-error.js";
import type { BedrockApiKeyKind } from "./bedrock-api-key.js";
import { describeCharacter } from "./describe-character.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The result of decoding the base64 part of a key. */
export type DecodedBody =
  | { complete: true; text: string }
  /** The body's length is not a multiple of 4: `text` is what the body decodes to with implied padding. */
  | { complete: false; text: string | undefined };

/**
 * Decodes the standard, padded base64 after a key's prefix. Throws `CORRUPTED_BASE64` for characters outside the
 * alphabet, misplaced padding, non-canonical encodings and bytes that are not UTF-8 text, and `TRUNCATED` for an
 * empty body. A body whose length is not a multiple of 4 is returned as incomplete so the caller can tell a
 * cut-off key from one that merely lost its `=` padding.
 */
export function decodeKeyBody(body: string, kind: BedrockApiKeyKind): DecodedBody {
  const corrupted = (message: string) =>
    new BedrockKeyFormatError("CORRUPTED_BASE64", `This ${kind} Bedrock API key is damaged: ${message}`, {
      kind,
    });
  if (body === "") {
    throw new BedrockKeyFormatError(
      "TRUNCATED",
      `Only the prefix of a ${kind} Bedrock API key was pasted. Copy the whole key.`,
      { kind },
    );
  }
  const bad = body.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) {
    const position = bad + 1;
    throw corrupted(
      `it contains ${describeCharacter(String.fromCodePoint(body.codePointAt(bad) ?? 0))} at position ${position} after the prefix. Copy the key again from where it was created.`,
    );
  }
  const padding = body.indexOf("=");
  if (padding >= 0 && (!/^=={0,1}$/.test(body.slice(padding)) || body.length % 4 !== 0)) {
    throw corrupted("its '=' padding is in the wrong place. Copy the key again from where it was created.");
  }
  if (body.length % 4 === 1) return { complete: false, text: undefined };
  const complete = body.length % 4 === 0;
  const padded = complete ? body : body + "=".repeat(4 - (body.length % 4));
  const bytes = Buffer.from(padded, "base64");
  let text: string | undefined;
  try {
    text = bytes.toString("base64") === padded ? utf8.decode(bytes) : undefined;
  } catch {
    text = undefined;
  }
  if (text !== undefined && /[\x00-\x1f\x7f]/.test(text)) text = undefined;
  if (!complete) return { complete: false, text };
  if (text === undefined) {
    throw corrupted(
      "it does not decode to the text a key holds. Copy the key again from where it was created.",
    );
  }
  return { complete: true, text };
}
