import type { IncomingHttpHeaders } from "node:http";
import type { Http2ServerRequest } from "node:http2";
import type { Socket } from "node:net";
import type { BedrockWireError } from "../errors/bedrock-wire-error.js";
import { type AnyRequest, type AnyResponse, tcpSocketOfSession } from "./dual-protocol-server.js";

interface WritableResponse {
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  write(chunk: Uint8Array | string): boolean;
  end(chunk?: Uint8Array | string): unknown;
  readonly destroyed: boolean;
  readonly writableEnded: boolean;
  once(event: "drain" | "close", listener: () => void): unknown;
}

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
 * const exchange = new Exchange(request, response, randomUUID());
 * exchange.sendJson(200, '{"ok":true}');
 * ```
 */
export class Exchange {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly httpVersion: "1.1" | "2.0";
  readonly requestId: string;
  readonly #request: AnyRequest;
  readonly #response: WritableResponse;
  readonly #requestIdHeader: string;
  #eventStream = false;

  constructor(request: AnyRequest, response: AnyResponse, requestId: string) {
    this.#request = request;
    this.#response = response as unknown as WritableResponse;
    this.method = request.method ?? "GET";
    this.url = request.url ?? "/";
    this.headers = request.headers;
    this.httpVersion = request.httpVersionMajor === 2 ? "2.0" : "1.1";
    this.#requestIdHeader = this.httpVersion === "2.0" ? "x-amzn-requestid" : "x-amzn-RequestId";
    this.requestId = requestId;
  }

  /** True once the client went away or the response ended. */
  get closed(): boolean {
    return this.#response.destroyed || this.#response.writableEnded;
  }

  /** Reads the whole body; rejects with {@link BodyTooLargeError} past `limit` bytes (without buffering it all). */
  readBody(limit: number): Promise<Buffer> {
    const declared = Number(this.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError());
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const request = this.#request;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          request.removeAllListeners("data");
          request.resume();
          reject(new BodyTooLargeError());
          return;
        }
        chunks.push(chunk);
      });
      let ended = false;
      request.on("end", () => {
        ended = true;
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      });
      const abandoned = (): void => {
        if (!ended) reject(new ClientClosedError());
      };
      request.on("error", abandoned); // "aborted" (ECONNRESET) when the client goes away mid-body
      request.on("close", abandoned);
    });
  }

  sendJson(status: number, json: string, headers: Record<string, string | number> = {}): void {
    if (this.closed) return;
    const body = Buffer.from(json, "utf8");
    this.#response.writeHead(status, {
      "content-type": "application/json",
      "content-length": body.length,
      [this.#requestIdHeader]: this.requestId,
      ...headers,
    });
    this.#response.end(body);
  }

  sendError(error: BedrockWireError, options: { closeConnection?: boolean } = {}): void {
    const headers: Record<string, string> = { "x-amzn-ErrorType": error.headerValue };
    if (this.httpVersion === "2.0") {
      delete headers["x-amzn-ErrorType"];
      headers["x-amzn-errortype"] = error.headerValue;
    } else if (options.closeConnection === true) {
      headers.connection = "close";
    }
    this.sendJson(error.status, JSON.stringify({ message: error.message }), headers);
  }

  /** Whether an event-stream response has started (errors must then be exception frames). */
  get isEventStream(): boolean {
    return this.#eventStream;
  }

  /** Starts a 200 `application/vnd.amazon.eventstream` response. */
  startEventStream(headers: Record<string, string> = {}): void {
    if (this.closed) return;
    this.#eventStream = true;
    this.#response.writeHead(200, {
      "content-type": "application/vnd.amazon.eventstream",
      [this.#requestIdHeader]: this.requestId,
      ...headers,
    });
  }

  /** Writes a frame; resolves when the client can take more (backpressure). */
  write(frame: Uint8Array): Promise<void> | undefined {
    if (this.closed) return undefined;
    if (this.#response.write(frame)) return undefined;
    return new Promise((resolve) => {
      this.#response.once("drain", resolve);
      this.#response.once("close", resolve);
    });
  }

  end(frame?: Uint8Array): void {
    if (this.closed) return;
    if (frame === undefined) this.#response.end();
    else this.#response.end(frame);
  }

  /** Resets the TCP connection under this request (a real ECONNRESET for the client). */
  resetConnection(): void {
    let tcp: Socket | undefined;
    if (this.httpVersion === "2.0") {
      const session = (this.#request as Http2ServerRequest).stream.session;
      tcp = session === undefined ? undefined : tcpSocketOfSession.get(session);
    } else {
      tcp = this.#request.socket as Socket;
    }
    if (tcp === undefined) return;
    if (typeof tcp.resetAndDestroy === "function") tcp.resetAndDestroy();
    else tcp.destroy();
  }
}
