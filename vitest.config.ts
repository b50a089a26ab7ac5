import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores on CI machines: two workers keep the suite fast without thrashing.
    maxWorkers: 2,
  },
});
