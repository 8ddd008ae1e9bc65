import { readFileSync } from "node:fs";

/**
 * The page's three files.
 *
 * @example
 * ```ts
 * const { html, script, style }: StaticAssets = loadStaticAssets();
 * ```
 */
export interface StaticAssets {
  html: string;
  script: string;
  style: string;
}

/**
 * Reads `public/index.html`, `public/app.js` and `public/app.css` once, at server start.
 *
 * @example
 * ```ts
 * const assets = loadStaticAssets();
 * ```
 */
export function loadStaticAssets(directory: URL = new URL("../public/", import.meta.url)): StaticAssets {
  const read = (name: string): string => readFileSync(new URL(name, directory), "utf8");
  return { html: read("index.html"), script: read("app.js"), style: read("app.css") };
}
