import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.js";

/**
 * Reads a JSON request body of at most `limitBytes`: 413 beyond it (checked against `Content-Length` first, then
 * while streaming), 415 unless the content type is `application/json`, 400 for invalid UTF-8 or JSON.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(request, 16 * 1024);
 * ```
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") {
    throw new HttpError(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the key as JSON (Content-Type: application/json).",
    );
  }
  const declared = Number(request.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk as Buffer);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "INVALID_UTF8", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "INVALID_JSON", "The request body is not valid JSON.");
  }
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(
    413,
    "BODY_TOO_LARGE",
    `The request body is larger than ${limitBytes} bytes; a Bedrock API key is at most a few kilobytes.`,
  );
}
