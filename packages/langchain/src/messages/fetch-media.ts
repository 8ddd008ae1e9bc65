import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";

/** A `fetch`-compatible function (global `fetch` by default); injectable for tests and proxies. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** Options of {@link fetchMedia}. */
export interface FetchMediaOptions {
  fetch?: FetchLike;
  /** Refuse bodies larger than this many bytes (checked on Content-Length and while reading). */
  maxBytes: number;
  signal?: AbortSignal;
}

/** Bytes and MIME type of a fetched image or document. */
export interface FetchedMedia {
  bytes: Uint8Array;
  mimeType: string | undefined;
}

/**
 * Downloads an http(s) image or document so it can be inlined: Bedrock cannot fetch URLs itself. The body is read
 * incrementally and the download is cancelled as soon as it exceeds `maxBytes`, so a huge URL cannot exhaust memory.
 *
 * @example
 * ```ts
 * const { bytes, mimeType } = await fetchMedia("https://example.com/cat.png", { maxBytes: 3_750_000 });
 * ```
 */
export async function fetchMedia(url: string, options: FetchMediaOptions): Promise<FetchedMedia> {
  if (!/^https?:\/\//i.test(url)) {
    throw new ChatBedrockKeyError("UNSUPPORTED_CONTENT", `Only http(s) and base64 data URLs can be inlined.`);
  }
  const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike);
  let response: Response;
  try {
    response = await fetchImpl(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    options.signal?.throwIfAborted();
    throw new ChatBedrockKeyError("MEDIA_FETCH_FAILED", `Could not download ${redactUrl(url)}.`, {
      cause: error,
    });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ChatBedrockKeyError(
      "MEDIA_FETCH_FAILED",
      `Downloading ${redactUrl(url)} failed with HTTP ${response.status}; pass the bytes (base64) instead.`,
    );
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, options.maxBytes);
  }
  const bytes = await readLimited(response, url, options.maxBytes);
  return { bytes, mimeType: response.headers.get("content-type") ?? undefined };
}

async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

function tooLarge(url: string, maxBytes: number): ChatBedrockKeyError {
  return new ChatBedrockKeyError(
    "MEDIA_TOO_LARGE",
    `${redactUrl(url)} is larger than ${maxBytes} bytes; resize it or raise maxMediaBytes.`,
  );
}

/** Query strings often carry signatures (presigned S3 URLs): never echo them. */
function redactUrl(url: string): string {
  const queryStart = url.search(/[?#]/);
  return queryStart === -1 ? url : `${url.slice(0, queryStart)}?…`;
}
