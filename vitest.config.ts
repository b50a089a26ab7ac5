import { defineConfig } from "vitest/config";

/** The external OpenAPI validators (swagger-parser, Spectral, Redocly): the slow part of the suite, run apart. */
const VALIDATORS = ["test/openapi/validators.test.ts", "test/reliability/hostile-spec.test.ts"];

export default defineConfig({
  test: {
    // No time limit on a test or a hook: how long a test takes depends on how busy the machine is,
    // and speed is the benchmark's to measure. A test that hangs is stopped by the CI job's own limit.
    testTimeout: 0,
    hookTimeout: 0,
    // Two cores on CI machines: two workers keep the suite fast without thrashing.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "main", include: ["test/**/*.test.ts"], exclude: VALIDATORS } },
      { extends: true, test: { name: "validators", include: VALIDATORS } },
    ],
  },
});
