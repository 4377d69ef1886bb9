import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Where create-backend keeps its work while it changes the project.
    exclude: [...configDefaults.exclude, ".create-backend-*/**"],
    // The test files of a worker run one after another in one process, which loads the app's
    // modules once rather than once for each file.
    isolate: false,
    testTimeout: 15_000,
    hookTimeout: 60_000,
  },
});
