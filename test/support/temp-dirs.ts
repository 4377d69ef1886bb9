import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Temporary directories that are removed together. */
export interface TempDirs {
  /** A fresh empty directory under the OS temp dir. */
  make(prefix?: string): Promise<string>;
  /** Remove every directory made so far. */
  removeAll(): Promise<void>;
}

export function tempDirs(): TempDirs {
  const made = new Set<string>();
  return {
    async make(prefix = 'cb-test-') {
      const dir = await mkdtemp(path.join(tmpdir(), prefix));
      made.add(dir);
      return dir;
    },
    async removeAll() {
      const dirs = [...made];
      made.clear();
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

// Vitest evaluates this module once per test file, so each file removes its own directories
// when it is done (KEEP_TEMP=1 keeps them for a look).
const shared = tempDirs();
afterAll(async () => {
  if (!process.env.KEEP_TEMP) await shared.removeAll();
});

/** A fresh empty directory under the OS temp dir, removed when the test file is done. */
export const tempDir = (prefix?: string): Promise<string> => shared.make(prefix);
