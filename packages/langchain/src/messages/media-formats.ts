import type { DocumentFormat, ImageFormat } from "@aws-sdk/client-bedrock-runtime";

const IMAGE_FORMATS: Record<string, ImageFormat> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/pjpeg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
};

// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
const DOCUMENT_FORMATS: Record<string, DocumentFormat> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
  "text/x-markdown": "md",
};

function baseMimeType(mimeType: string): string {
  return (mimeType.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * The Converse image format for a MIME type (`image/jpg` and `image/jpeg` both map to `jpeg`), or undefined.
 *
 * @example
 * ```ts
 * imageFormatFromMimeType("image/webp") // => "webp"
 * ```
 */
export function imageFormatFromMimeType(mimeType: string | undefined): ImageFormat | undefined {
  return mimeType === undefined ? undefined : IMAGE_FORMATS[baseMimeType(mimeType)];
}

/**
 * The Converse document format for a MIME type, or undefined.
 *
 * @example
 * ```ts
 * documentFormatFromMimeType("text/csv") // => "csv"
 * ```
 */
export function documentFormatFromMimeType(mimeType: string | undefined): DocumentFormat | undefined {
  return mimeType === undefined ? undefined : DOCUMENT_FORMATS[baseMimeType(mimeType)];
}

/** The result of {@link parseDataUrl}. */
export interface ParsedDataUrl {
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Parses a `data:<mime>;base64,<data>` URL. Returns undefined for anything else.
 *
 * @example
 * ```ts
 * parseDataUrl("data:image/png;base64,iVBORw0KGgo=")?.mimeType // => "image/png"
 * ```
 */
export function parseDataUrl(url: string): ParsedDataUrl | undefined {
  const match = /^data:([^;,]+)((?:;[^;,]+)*);base64,(.*)$/s.exec(url);
  if (!match) return undefined;
  return { mimeType: baseMimeType(match[1] ?? ""), bytes: decodeBase64(match[3] ?? "") };
}

/**
 * Decodes standard or URL-safe base64 (whitespace ignored) to bytes.
 *
 * @example
 * ```ts
 * decodeBase64("aGk=") // => Uint8Array [104, 105]
 * ```
 */
export function decodeBase64(data: string): Uint8Array {
  return new Uint8Array(Buffer.from(data.replace(/\s+/g, ""), "base64"));
}

/**
 * A document name Bedrock accepts: letters, digits, single spaces, hyphens, parentheses and square brackets.
 * Names must be stable across turns so prompt caching keeps hitting, so no random fallback is used.
 *
 * @example
 * ```ts
 * sanitizeDocumentName("report_v2.pdf", 0) // => "report-v2-pdf"
 * ```
 */
export function sanitizeDocumentName(name: string | undefined, position: number): string {
  const cleaned = (name ?? "")
    .replace(/[^A-Za-z0-9\s\-()[\]]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : `document-${position + 1}`;
}
