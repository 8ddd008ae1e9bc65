import { defineConfig } from "vitest/config";

// One `pnpm test` runs every workspace project; each project keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ["packages/*", "examples/*", "bench"],
  },
});
