import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { ServerHttp2Stream } from "node:http2";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";

/** What an {@link Exchange} needs from HTTP/1.1 (request + response) or HTTP/2 (a core stream). */
export interface ExchangeTransport {
  readonly httpVersion: "1.1" | "2.0";
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The request body. */
  readonly body: Readable;
  /** True once the client went away or the response ended. */
  readonly closed: boolean;
  /** The status sent, or 0 before the response head. */
  readonly status: number;
  respond(status: number, headers: Record<string, string | number>): void;
  write(chunk: Uint8Array): boolean;
  end(chunk?: Uint8Array): void;
  onceWritable(listener: () => void): void;
  /** The TCP connection under the request. */
  tcpSocket(): Socket | undefined;
}

/**
 * HTTP/1.1: Node's `IncomingMessage` + `ServerResponse`.
 *
 * @example
 * ```ts
 * const transport = http1Transport(request, response);
 * ```
 */
export function http1Transport(request: IncomingMessage, response: ServerResponse): ExchangeTransport {
  return {
    httpVersion: "1.1",
    method: request.method ?? "GET",
    url: request.url ?? "/",
    headers: request.headers,
    body: request,
    get closed() {
      return response.destroyed || response.writableEnded;
    },
    get status() {
      return response.headersSent ? response.statusCode : 0;
    },
    respond: (status, headers) => {
      response.writeHead(status, headers);
    },
    write: (chunk) => response.write(chunk),
    end: (chunk) => {
      if (chunk === undefined) response.end();
      else response.end(chunk);
    },
    onceWritable(listener) {
      response.once("drain", listener);
      response.once("close", listener);
    },
    tcpSocket: () => request.socket,
  };
}

/**
 * HTTP/2: a core `ServerHttp2Stream` and its request headers (cheaper than the compatibility API, which wraps
 * every stream in two more objects; the AWS SDK opens a session per request, so this is the hot path).
 *
 * @example
 * ```ts
 * http2Server.on("stream", (stream, headers) => handle(new Exchange(http2Transport(stream, headers))));
 * ```
 */
export function http2Transport(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): ExchangeTransport {
  let status = 0;
  return {
    httpVersion: "2.0",
    method: String(headers[":method"] ?? "GET"),
    url: String(headers[":path"] ?? "/"),
    headers,
    body: stream,
    get closed() {
      return stream.destroyed || stream.closed || stream.writableEnded;
    },
    get status() {
      return status;
    },
    respond: (code, responseHeaders) => {
      status = code;
      stream.respond({ ":status": code, ...responseHeaders });
    },
    write: (chunk) => stream.write(chunk),
    end: (chunk) => {
      if (chunk === undefined) stream.end();
      else stream.end(chunk);
    },
    onceWritable(listener) {
      stream.once("drain", listener);
      stream.once("close", listener);
    },
    // The session's `socket` is a guarded proxy of the TCP socket; `resetAndDestroy` passes through it.
    tcpSocket: () => stream.session?.socket as Socket | undefined,
  };
}
