import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The test files of a worker run one after another in one process, which loads the app's
    // modules once rather than once for each file.
    isolate: false,
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
});
