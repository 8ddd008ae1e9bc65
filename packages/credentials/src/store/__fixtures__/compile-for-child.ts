import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * Transpiles `entries` and every TypeScript file they import (relatively) into plain ES modules under
 * `outDir`, mirroring their paths below `sourceRoot`. Child processes of tests then run the real sources with a
 * bare `node` (Node 20 cannot strip types, and tsx is not a dependency here). `outDir` must sit inside the
 * package so that bare imports (`zod`, `libsql`) resolve from its `node_modules`.
 */
export function compileForChild(entries: string[], sourceRoot: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "package.json"), '{ "type": "module" }\n');
  const pending = [...entries];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/from\s+"(\.{1,2}\/[^"]+)\.js"/g)) {
      pending.push(resolve(dirname(file), `${match[1]}.ts`));
    }
    const output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        useDefineForClassFields: true,
      },
    });
    const target = join(outDir, relative(sourceRoot, file).replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.outputText);
  }
}
