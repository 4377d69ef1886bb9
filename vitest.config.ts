import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // Pure parts and in-process runs: seconds. No child processes here, so worker
          // threads (cheaper to start than the default forked processes) will do, and the
          // files of a worker share its modules: the templates are compiled once per worker,
          // not once per file. Unit tests keep no module state and mock nothing.
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/remove-temp-dirs.ts'],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        test: {
          // The built CLI as a process, git, and Biome over every generated combination.
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/remove-temp-dirs.ts'],
          globalSetup: ['test/support/build.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['test/support/remove-temp-dirs.ts'],
          // Every package manager on every Node.js line is for the full matrix: the default
          // rows (test/e2e/matrix.ts) each carry one package manager and Node.js line.
          exclude: process.env.E2E_MATRIX === 'all' ? [] : ['test/e2e/package-managers.test.ts'],
          globalSetup: ['test/support/build.ts', 'test/e2e/support/global-setup.ts'],
          // Each file installs and boots generated projects: minutes, not milliseconds.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // Two files at a time, each on projects, databases, ports and Redis keys of its own:
          // one's installs and servers' waits leave the CPU to the other. After the unit and
          // integration files (a project with its own number of workers needs its own group).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
