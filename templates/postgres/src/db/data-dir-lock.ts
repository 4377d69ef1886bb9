import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Another process has the embedded database open; reported as errors.ts reports the others. */
export class DataDirInUseError extends Error {
  readonly reason: string;
  readonly fix: string;

  constructor(dataDir: string, pid: number, lockFile: string) {
    const reason = `the embedded database ${dataDir} is open in process ${pid}`;
    super(reason);
    this.reason = reason;
    this.fix = `Stop that process (npm run dev?) first, or delete ${lockFile} if it is not running.`;
  }
}

/**
 * PGlite runs PostgreSQL inside the process that opens it, so two processes opening one data
 * directory (the dev server and `npm run user:role`, say) would each work on their own copy and
 * overwrite each other's changes. Like PostgreSQL's postmaster.pid, a file beside the directory
 * names the process that has it open; another one waits up to `waitMs` for it to close (a dev
 * server restarting), then refuses. A file left by a process that no longer runs is taken over.
 * Returns the function that releases the directory.
 */
export async function lockDataDir(dataDir: string, waitMs = 5000): Promise<() => void> {
  const lockFile = `${path.resolve(dataDir)}.pid`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const owner = tryLock(lockFile);
    if (owner === undefined) return () => rmSync(lockFile, { force: true });
    // An empty file still unwritten after the wait was left by a process that died in between.
    const stale = owner === 0 ? Date.now() >= deadline : !isRunning(owner);
    if (stale) {
      rmSync(lockFile, { force: true });
    } else if (Date.now() >= deadline) {
      throw new DataDirInUseError(dataDir, owner, path.relative(process.cwd(), lockFile));
    } else {
      await sleep(100);
    }
  }
}

/** Creates the lock file; else returns the pid it holds (0 while it is being written or gone). */
function tryLock(lockFile: string): number | undefined {
  try {
    const fd = openSync(lockFile, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  try {
    return Number(readFileSync(lockFile, "utf8")) || 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
