import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { BedrockWireError } from "../errors/bedrock-wire-error.js";
import type { ExchangeTransport } from "./exchange-transport.js";

/**
 * Thrown by {@link Exchange.readBody} when the body exceeds the size limit.
 *
 * @example
 * ```ts
 * await exchange.readBody(1024).catch((error) => error instanceof BodyTooLargeError);
 * ```
 */
export class BodyTooLargeError extends Error {
  constructor() {
    super("request body too large");
  }
}

/**
 * Thrown by {@link Exchange.readBody} when the client goes away before sending the whole body.
 *
 * @example
 * ```ts
 * await exchange.readBody(1024).catch((error) => error instanceof ClientClosedError);
 * ```
 */
export class ClientClosedError extends Error {
  constructor() {
    super("the client closed the request before its body ended");
  }
}

/**
 * One request/response pair, the same for HTTP/1.1 and HTTP/2: reads the body with a size limit and writes
 * Bedrock-shaped responses (JSON, errors, event streams), always with `x-amzn-RequestId`.
 *
 * @example
 * ```ts
 * const exchange = new Exchange(http1Transport(request, response));
 * exchange.sendJson(200, '{"ok":true}');
 * ```
 */
export class Exchange {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly httpVersion: "1.1" | "2.0";
  readonly requestId: string;
  readonly #transport: ExchangeTransport;
  readonly #requestIdHeader: string;
  readonly #errorTypeHeader: string;
  #eventStream = false;
  #bodyRead = false;

  constructor(transport: ExchangeTransport) {
    this.#transport = transport;
    this.method = transport.method;
    this.url = transport.url;
    this.headers = transport.headers;
    this.httpVersion = transport.httpVersion;
    // HTTP/2 header names must be lowercase; over HTTP/1.1 they keep Bedrock's spelling.
    const http2 = transport.httpVersion === "2.0";
    this.#requestIdHeader = http2 ? "x-amzn-requestid" : "x-amzn-RequestId";
    this.#errorTypeHeader = http2 ? "x-amzn-errortype" : "x-amzn-ErrorType";
    this.requestId = randomUUID();
  }

  /** True once the client went away or the response ended. */
  get closed(): boolean {
    return this.#transport.closed;
  }

  /** The status sent, or 0 before the response head (e.g. a reset connection). */
  get status(): number {
    return this.#transport.status;
  }

  /** Whether an event-stream response has started (errors must then be exception frames). */
  get isEventStream(): boolean {
    return this.#eventStream;
  }

  /** Reads the whole body; rejects with {@link BodyTooLargeError} past `limit` bytes (without buffering it all). */
  readBody(limit: number): Promise<Buffer> {
    const declared = Number(this.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
    this.#bodyRead = true;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      const body = this.#transport.body;
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          body.removeAllListeners("data");
          body.resume();
          reject(new BodyTooLargeError());
          return;
        }
        chunks.push(chunk);
      });
      body.on("end", () => {
        ended = true;
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      });
      const abandoned = (): void => {
        if (!ended) reject(new ClientClosedError());
      };
      body.on("error", abandoned); // "aborted" (ECONNRESET) when the client goes away mid-body
      body.on("close", abandoned);
    });
  }

  sendJson(status: number, json: string, headers: Record<string, string | number> = {}): void {
    if (this.closed) return;
    const body = Buffer.from(json, "utf8");
    this.#transport.respond(status, {
      "content-type": "application/json",
      "content-length": body.length,
      [this.#requestIdHeader]: this.requestId,
      ...headers,
    });
    this.#finish(body);
  }

  sendError(error: BedrockWireError, options: { closeConnection?: boolean } = {}): void {
    const headers: Record<string, string> = { [this.#errorTypeHeader]: error.headerValue };
    if (options.closeConnection === true && this.httpVersion === "1.1") headers.connection = "close";
    this.sendJson(error.status, JSON.stringify({ message: error.message }), headers);
  }

  /** Starts a 200 `application/vnd.amazon.eventstream` response. */
  startEventStream(headers: Record<string, string> = {}): void {
    if (this.closed) return;
    this.#eventStream = true;
    this.#transport.respond(200, {
      "content-type": "application/vnd.amazon.eventstream",
      [this.#requestIdHeader]: this.requestId,
      ...headers,
    });
  }

  /** Writes a frame; resolves when the client can take more (backpressure). */
  write(frame: Uint8Array): Promise<void> | undefined {
    if (this.closed) return undefined;
    if (this.#transport.write(frame)) return undefined;
    return new Promise((resolve) => this.#transport.onceWritable(resolve));
  }

  end(frame?: Uint8Array): void {
    if (this.closed) return;
    this.#finish(frame);
  }

  /**
   * Ends the response and drains a body nobody read (a GET, a refused request): an HTTP/2 stream whose readable
   * side is never consumed never closes, and its session lingers.
   */
  #finish(chunk?: Uint8Array): void {
    this.#transport.end(chunk);
    if (!this.#bodyRead) {
      this.#bodyRead = true;
      this.#transport.body.resume();
    }
  }

  /** Resets the TCP connection under this request (a real ECONNRESET for the client). */
  resetConnection(): void {
    const tcp = this.#transport.tcpSocket();
    if (tcp === undefined) return;
    if (typeof tcp.resetAndDestroy === "function") tcp.resetAndDestroy();
    else tcp.destroy();
  }
}
