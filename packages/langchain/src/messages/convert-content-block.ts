import type { ContentBlock, DocumentFormat } from "@aws-sdk/client-bedrock-runtime";
import { ChatBedrockKeyError } from "../errors/chat-bedrock-key-error.js";
import { type FetchLike, fetchMedia } from "./fetch-media.js";
import {
  decodeBase64,
  documentFormatFromMimeType,
  imageFormatFromMimeType,
  parseDataUrl,
  sanitizeDocumentName,
} from "./media-formats.js";

/** Shared state and I/O while converting one request's messages. */
export interface ConversionContext {
  fetch?: FetchLike;
  /** Largest image or document downloaded from an http(s) URL. */
  maxMediaBytes: number;
  signal?: AbortSignal;
  /** Counts documents so unnamed ones get stable names (`document-1`, `document-2`, …). */
  documentCount: number;
}

type Block = Record<string, unknown>;

/**
 * Converts one LangChain content block (a string, `text`, `image_url`, standard v0/v1 `image` / `file` /
 * `text-plain` blocks, raw Converse `image` / `document` / `video` / `guardContent` blocks, or a `cachePoint`)
 * into a Converse content block. Returns undefined for blocks that carry nothing to send (empty text).
 *
 * @example
 * ```ts
 * await convertContentBlock({ type: "image_url", image_url: "data:image/png;base64,iVBORw0KGgo=" }, context)
 * // => { image: { format: "png", source: { bytes: Uint8Array } } }
 * ```
 */
export async function convertContentBlock(
  block: unknown,
  context: ConversionContext,
): Promise<ContentBlock | undefined> {
  if (typeof block === "string") return block.length > 0 ? { text: block } : undefined;
  if (typeof block !== "object" || block === null) return undefined;
  const value = block as Block;
  const cachePoint = toCachePoint(value);
  if (cachePoint) return cachePoint;
  switch (value.type) {
    case "text":
      return typeof value.text === "string" && value.text.length > 0 ? { text: value.text } : undefined;
    case "image_url": {
      const imageUrl = value.image_url;
      const url = typeof imageUrl === "string" ? imageUrl : (imageUrl as Block | undefined)?.url;
      if (typeof url !== "string") throw unsupported("an image_url block without a url");
      return imageFromUrl(url, undefined, context);
    }
    case "image":
      return convertImage(value, context);
    case "file":
    case "document":
      return convertDocument(value, context);
    case "text-plain":
      return documentBlock(encodeText(String(value.text ?? "")), "txt", value, context);
    case "video":
      if (typeof value.video === "object" && value.video !== null)
        return { video: value.video } as ContentBlock;
      throw unsupported("a video block without a Converse `video` field");
    case "guard_content":
    case "guardContent":
      return { guardContent: value.guardContent } as ContentBlock;
    default:
      if (typeof value.type !== "string" && "text" in value && typeof value.text === "string") {
        return value.text.length > 0 ? { text: value.text } : undefined;
      }
      throw unsupported(`a content block of type "${String(value.type)}"`);
  }
}

/**
 * A Converse `cachePoint` block from `{ cachePoint: { type: "default", ttl? } }` or
 * `{ type: "cache_point", cachePoint }`, else undefined.
 *
 * @example
 * ```ts
 * toCachePoint({ cachePoint: { type: "default" } }) // => { cachePoint: { type: "default" } }
 * ```
 */
export function toCachePoint(block: unknown): ContentBlock.CachePointMember | undefined {
  if (typeof block !== "object" || block === null || !("cachePoint" in block)) return undefined;
  const point = (block as Block).cachePoint as Block | undefined;
  if (typeof point !== "object" || point === null) return undefined;
  const ttl = point.ttl === "5m" || point.ttl === "1h" ? { ttl: point.ttl as "5m" | "1h" } : {};
  return { cachePoint: { type: "default", ...ttl } };
}

async function convertImage(value: Block, context: ConversionContext): Promise<ContentBlock> {
  if (typeof value.image === "object" && value.image !== null) return { image: value.image } as ContentBlock;
  const mimeType = stringField(value, "mimeType") ?? stringField(value, "mime_type");
  const data = value.data;
  if (data instanceof Uint8Array) return imageBlock(data, mimeType);
  if (typeof data === "string" && value.source_type !== "url") {
    const parsed = parseDataUrl(data);
    return parsed ? imageBlock(parsed.bytes, parsed.mimeType) : imageBlock(decodeBase64(data), mimeType);
  }
  const url =
    stringField(value, "url") ?? (value.source_type === "url" ? stringField(value, "data") : undefined);
  if (url !== undefined) return imageFromUrl(url, mimeType, context);
  throw unsupported("an image block without data or url (file ids are not supported by Converse)");
}

async function imageFromUrl(url: string, mimeType: string | undefined, context: ConversionContext) {
  const parsed = parseDataUrl(url);
  if (parsed) return imageBlock(parsed.bytes, parsed.mimeType);
  const fetched = await fetchMedia(url, fetchOptions(context));
  return imageBlock(fetched.bytes, fetched.mimeType ?? mimeType, mimeType);
}

function imageBlock(
  bytes: Uint8Array,
  mimeType: string | undefined,
  fallbackMimeType?: string,
): ContentBlock {
  const format =
    imageFormatFromMimeType(mimeType) ?? imageFormatFromMimeType(fallbackMimeType) ?? sniffImage(bytes);
  if (!format) {
    throw unsupported(`an image of type "${mimeType ?? "unknown"}" (Converse takes png, jpeg, gif and webp)`);
  }
  return { image: { format, source: { bytes } } };
}

/** Magic numbers, for URLs served as application/octet-stream. */
function sniffImage(bytes: Uint8Array): "png" | "jpeg" | "gif" | "webp" | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "jpeg";
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return "gif";
  if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "webp";
  return undefined;
}

async function convertDocument(value: Block, context: ConversionContext): Promise<ContentBlock> {
  if (typeof value.document === "object" && value.document !== null) {
    return { document: value.document } as ContentBlock;
  }
  const mimeType = stringField(value, "mimeType") ?? stringField(value, "mime_type");
  if (value.source_type === "text" || (typeof value.text === "string" && value.data === undefined)) {
    return documentBlock(encodeText(String(value.text ?? "")), "txt", value, context);
  }
  const data = value.data;
  if (data instanceof Uint8Array) return documentBlock(data, requireFormat(mimeType), value, context);
  if (typeof data === "string" && value.source_type !== "url") {
    const parsed = parseDataUrl(data);
    if (parsed) return documentBlock(parsed.bytes, requireFormat(parsed.mimeType), value, context);
    return documentBlock(decodeBase64(data), requireFormat(mimeType), value, context);
  }
  const url =
    stringField(value, "url") ?? (value.source_type === "url" ? stringField(value, "data") : undefined);
  if (url !== undefined) {
    const parsed = parseDataUrl(url);
    if (parsed)
      return documentBlock(parsed.bytes, requireFormat(parsed.mimeType ?? mimeType), value, context);
    const fetched = await fetchMedia(url, fetchOptions(context));
    const format = documentFormatFromMimeType(fetched.mimeType) ?? requireFormat(mimeType);
    return documentBlock(fetched.bytes, format, value, context);
  }
  throw unsupported("a file block without data, text or url (file ids are not supported by Converse)");
}

function documentBlock(bytes: Uint8Array, format: DocumentFormat, value: Block, context: ConversionContext) {
  const metadata = (
    typeof value.metadata === "object" && value.metadata !== null ? value.metadata : {}
  ) as Block;
  const rawName =
    stringField(value, "filename") ??
    stringField(value, "name") ??
    stringField(metadata, "name") ??
    stringField(metadata, "filename") ??
    stringField(metadata, "title");
  const name = sanitizeDocumentName(rawName, context.documentCount);
  context.documentCount += 1;
  return { document: { format, name, source: { bytes } } } satisfies ContentBlock;
}

function requireFormat(mimeType: string | undefined): DocumentFormat {
  const format = documentFormatFromMimeType(mimeType);
  if (!format) {
    throw unsupported(
      `a file of type "${mimeType ?? "unknown"}" (Converse takes pdf, csv, doc, docx, xls, xlsx, html, txt and md)`,
    );
  }
  return format;
}

function fetchOptions(context: ConversionContext) {
  return {
    maxBytes: context.maxMediaBytes,
    ...(context.fetch ? { fetch: context.fetch } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
  };
}

function stringField(value: Block, key: string): string | undefined {
  const field = value[key];
  return typeof field === "string" && field.length > 0 ? field : undefined;
}

function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function unsupported(what: string): ChatBedrockKeyError {
  return new ChatBedrockKeyError("UNSUPPORTED_CONTENT", `ChatBedrockKey cannot send ${what}.`);
}
