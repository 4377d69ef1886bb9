import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../errors.js';

/** The file that marks a project as being changed by a run of the CLI. */
export const LOCK_FILE = 'create-backend.lock';

/**
 * Runs `step` holding the project's lock, so two runs never change one project at once (the
 * second would plan from a manifest the first is about to replace). A lock whose process is
 * gone (a run killed outright) is stale: it is taken over, and `onStale` says so.
 */
export async function withProjectLock<T>(
  root: string,
  step: () => Promise<T>,
  onStale: (pid: number) => void = () => {},
): Promise<T> {
  const file = path.join(root, LOCK_FILE);
  await acquire(file, onStale);
  try {
    return await step();
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(file: string, onStale: (pid: number) => void): Promise<void> {
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
      throw new CliError(
        `Another create-backend run (process ${pid}) is changing this project; wait for it to finish. If none is running, delete ${LOCK_FILE}.`,
      );
    }
    // Left by a run that could not clean up: take it over (a concurrent taker loses `wx` above).
    await rm(file, { force: true });
    if (Number.isInteger(pid) && pid > 0) onStale(pid);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
