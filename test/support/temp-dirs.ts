import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

// One set for the whole worker: with `isolate: false` (the unit project) a worker evaluates this
// module once for all the files it runs, so its cleanup is not registered here but in
// test/support/remove-temp-dirs.ts, a setup file, which runs before every test file.
const shared = tempDirs();

/** Removes the directories `tempDir()` has made so far (KEEP_TEMP=1 keeps them for a look). */
export async function removeTempDirs(): Promise<void> {
  if (!process.env.KEEP_TEMP) await shared.removeAll();
}

/** A fresh empty directory under the OS temp dir, removed when the test file is done. */
export const tempDir = (prefix?: string): Promise<string> => shared.make(prefix);
