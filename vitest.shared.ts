import { defineConfig } from "vitest/config";

/**
 * The vitest settings every workspace project shares. Workspace packages resolve to their TypeScript sources
 * through the `@bedrock-keys/source` export condition, so tests never need a build first.
 */
export function defineProjectConfig(name: string, overrides: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { conditions: ["@bedrock-keys/source"] },
    ssr: { resolve: { conditions: ["@bedrock-keys/source"], externalConditions: ["@bedrock-keys/source"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      environment: "node",
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 30_000,
    },
  });
}
