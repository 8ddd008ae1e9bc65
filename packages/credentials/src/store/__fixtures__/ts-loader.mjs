// Lets a plain `node` child process run this package's TypeScript sources (Node 20 cannot strip types and
// tsx is not a dependency here): `node --import ./ts-loader.mjs child.mjs`. It resolves a `./x.js` import to
// `./x.ts` when only the TypeScript file exists and transpiles `.ts` files with the workspace's `typescript`.
import { register } from "node:module";

register("./ts-loader-hooks.mjs", import.meta.url);
