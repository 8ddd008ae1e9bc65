import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts `server` on a free loopback port and returns its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Closes `server`, dropping idle keep-alive connections. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Loads the page like a browser would and returns the CSRF cookie and token. */
export async function openSession(baseUrl: string): Promise<{ cookie: string; token: string; html: string }> {
  const response = await fetch(`${baseUrl}/`);
  const html = await response.text();
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  const token = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? "";
  return { cookie, token, html };
}

/** POSTs `body` to `/api/onboard` the way the page does, with overridable headers. */
export async function postOnboard(
  baseUrl: string,
  session: { cookie: string; token: string },
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; json: () => unknown }> {
  const response = await fetch(`${baseUrl}/api/onboard`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-csrf-token": session.token,
      cookie: session.cookie,
      origin: baseUrl,
      ...headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown };
}
