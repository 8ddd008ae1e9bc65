import type { IncomingHttpHeaders } from "node:http";
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

/** The request and response objects both Node servers hand over (HTTP/2 through its compatibility API). */
interface CompatRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

interface CompatResponse {
  readonly destroyed: boolean;
  readonly writableEnded: boolean;
  readonly headersSent: boolean;
  readonly statusCode: number;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  end(chunk: Uint8Array): unknown;
  once(event: "drain" | "close", listener: () => void): unknown;
}

/**
 * HTTP/1.1 (`IncomingMessage` + `ServerResponse`) or HTTP/2 through Node's compatibility API
 * (`Http2ServerRequest` + `Http2ServerResponse`). The compatibility API is kept for HTTP/2 although the core
 * stream API is a little cheaper: it manages each stream's life cycle (reading, closing, session teardown), and a
 * hand-rolled core-API version left client-closed sessions hanging and spinning the event loop.
 *
 * @example
 * ```ts
 * const transport = compatTransport("1.1", request, response, () => request.socket);
 * ```
 */
export function compatTransport(
  httpVersion: "1.1" | "2.0",
  request: CompatRequest & Readable,
  response: CompatResponse,
  tcpSocket: () => Socket | undefined,
): ExchangeTransport {
  return {
    httpVersion,
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
    tcpSocket,
  };
}
