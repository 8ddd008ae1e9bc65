import { createServer as createHttp1Server } from "node:http";
import { createServer as createHttp2Server, type Http2Session } from "node:http2";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { Exchange } from "./exchange.js";
import { compatTransport } from "./exchange-transport.js";

const HTTP2_PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");

/** One TCP listener that serves HTTP/2 cleartext (prior knowledge) and HTTP/1.1, told apart by the preface. */
export interface DualProtocolServer {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Creates the listener. The first bytes of each connection decide: the HTTP/2 connection preface goes to an
 * HTTP/2 server, anything else to an HTTP/1.1 server. The bytes already read are put back with `unshift` in both
 * cases. Node's HTTP/2 session then consumes the socket's native handle, and when it is set up it drains what is
 * buffered in the socket's readable state into nghttp2 — but only if the socket stays paused: resuming it (as a
 * naive sniffer does) lets the JS stream emit the same bytes again and the session fails with a protocol error.
 * This keeps HTTP/2 on the native path, about 20% less CPU per request than replaying through a JS stream
 * wrapper (measured here at a fixed request rate).
 *
 * @example
 * ```ts
 * const server = createDualProtocolServer((exchange) => exchange.sendJson(200, "{}"));
 * const port = await server.listen(0, "127.0.0.1");
 * ```
 */
export function createDualProtocolServer(handler: (exchange: Exchange) => void): DualProtocolServer {
  const http1 = createHttp1Server({ keepAliveTimeout: 65_000 }, (request, response) =>
    handler(new Exchange(compatTransport("1.1", request, response, () => request.socket))),
  );
  const http2 = createHttp2Server({ maxSessionMemory: 64 }, (request, response) =>
    handler(
      new Exchange(
        // The session's `socket` is a guarded proxy of the TCP socket; `resetAndDestroy` passes through it.
        compatTransport("2.0", request, response, () => request.stream.session?.socket as Socket | undefined),
      ),
    ),
  );
  // The AWS SDK opens a new HTTP/2 session (a new connection) for every Bedrock Runtime request, so the work per
  // connection is kept to a minimum. Sessions are tracked only so close() can destroy them before their sockets:
  // a server session whose socket is reset underneath it can spin the event loop.
  const sockets = new Set<Socket>();
  const http2Sockets = new WeakSet<Socket>();
  const sessions = new Set<Http2Session>();
  http2.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  http2.on("sessionError", () => undefined); // Node routes each session's errors here

  http1.on("clientError", (_error, socket) => {
    if (socket.writable)
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });

  const tcp: Server = createTcpServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const compared = Math.min(head.length, HTTP2_PREFACE.length);
      const looksLikeHttp2 = head.subarray(0, compared).equals(HTTP2_PREFACE.subarray(0, compared));
      if (looksLikeHttp2 && head.length < HTTP2_PREFACE.length) return;
      socket.off("data", onData);
      socket.pause();
      socket.unshift(head);
      if (looksLikeHttp2) {
        http2Sockets.add(socket);
        http2.emit("connection", socket); // never resume: the session reads the handle and the buffered bytes
      } else {
        http1.emit("connection", socket);
        socket.resume();
      }
    };
    socket.on("data", onData);
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        tcp.once("error", reject);
        tcp.listen(port, host, () => {
          tcp.off("error", reject);
          const address = tcp.address();
          resolve(typeof address === "object" && address !== null ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        // A reset, not a graceful end: a client with a request in flight must see it fail, not end cleanly.
        for (const session of sessions) session.destroy();
        // HTTP/2 sockets are left to their session's destroy(): resetting a socket under a session that is
        // still closing (a client that just finished its request) leaves Node's HTTP/2 binding spinning the
        // event loop at 100% CPU, and the process never exits.
        for (const socket of sockets)
          if (!socket.destroyed && !http2Sockets.has(socket)) socket.resetAndDestroy();
        http1.closeAllConnections();
        tcp.close(() => resolve());
      });
    },
  };
}
