import { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import { BodyTooLargeError, type Exchange } from "../server/exchange.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
/**
 * Reads and parses a JSON body: size limit, UTF-8, JSON syntax, and (when asked) an `application/json` type.
 * Operations whose body is an opaque model payload (`native`: InvokeModel) report bad JSON the way Bedrock reports
 * any malformed model input, as a ValidationException; structured operations report a SerializationException.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(exchange, context, { native: false });
 * ```
 */
export async function readJsonBody(
  exchange: Exchange,
  context: EmulatorContext,
  options: { native: boolean },
): Promise<unknown> {
  const contentType = exchange.headers["content-type"];
  if (
    !options.native &&
    contentType !== undefined &&
    !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)
  ) {
    throw new BedrockWireError(
      "UnsupportedMediaTypeException",
      `Unsupported Media Type: ${contentType.slice(0, 100)}`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await exchange.readBody(context.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new BedrockWireError(
        "ValidationException",
        `The request body is larger than the maximum allowed size of ${context.maxBodyBytes} bytes.`,
        { status: 413 },
      );
    }
    throw error;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw unparsable(options.native, "The request body is not valid UTF-8.");
  }
  if (text.length === 0 && !options.native) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw unparsable(options.native, "The request body could not be parsed as JSON.");
  }
}

function unparsable(native: boolean, message: string): BedrockWireError {
  return native
    ? new BedrockWireError(
        "ValidationException",
        "Malformed input request: #: expected type: JSONObject, please reformat your input and try again.",
      )
    : new BedrockWireError("SerializationException", message);
}
