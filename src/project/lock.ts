import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { ProcessRunner } from '../context.js';
import { CliError } from '../errors.js';
import { recoverInterrupted } from './recover.js';

/** The file that marks a project as being changed by a run of the CLI. */
export const LOCK_FILE = 'create-backend.lock';

/** What the lock says about the run holding it: enough for a later run to undo what it left. */
export interface LockRecord {
  pid: number;
  /** The name of the transaction's work directory (`.create-backend-…`), once it is made. */
  work?: string;
  /** Whether `node_modules` is set aside (true) or the set-aside copy is garbage (false). */
  modulesAside?: boolean;
  /** The process group of a running child (an install), which a killed run leaves running. */
  group?: number;
  /** Whether the project's formatter is rewriting the files the transaction wrote. */
  formatting?: boolean;
}

/** The lock holder's notebook: it notes what it is about to do before doing it. */
export interface RunJournal {
  note(change: Partial<Omit<LockRecord, 'pid'>>): void;
}

/**
 * Runs `step` holding the project's lock, so two runs never change one project at once (the
 * second would plan from a manifest the first is about to replace). A lock whose process is
 * gone (a run killed outright) is stale: what that run left is put back first, and `onStale`
 * says so in one line; when it cannot be put back safely, the run is refused, changing nothing.
 */
export async function withProjectLock<T>(
  root: string,
  step: (journal: RunJournal) => Promise<T>,
  onStale: (message: string) => void = () => {},
): Promise<T> {
  const file = path.join(root, LOCK_FILE);
  await acquire(root, file, onStale);
  const record: LockRecord = { pid: process.pid };
  const journal: RunJournal = {
    note(change) {
      Object.assign(record, change);
      // Replaced whole by a rename: a run killed mid-write never leaves half a record. Made
      // anew (`wx`): whatever has the name already, a symlink leading out of the project
      // included, is removed, never written through.
      rmSync(`${file}.next`, { force: true });
      writeFileSync(`${file}.next`, `${JSON.stringify(record)}\n`, { flag: 'wx' });
      renameSync(`${file}.next`, file);
    },
  };
  try {
    return await step(journal);
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(
  root: string,
  file: string,
  onStale: (message: string) => void,
): Promise<void> {
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${JSON.stringify({ pid: process.pid })}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await readFile(file, 'utf8').catch(() => '');
    // `wx` makes the file before its record is written: an empty one just made is another run
    // between the two, not one killed there.
    if (text === '' && (await isNewer(file, WRITING_MS))) {
      await setTimeout(20);
      continue;
    }
    const record = parseLock(text);
    if (record && isRunning(record.pid)) {
      throw new CliError(
        `Another create-backend run (process ${record.pid}) is changing this project; wait for it to finish. If none is running, delete ${LOCK_FILE}.`,
      );
    }
    // Left by a run that could not clean up: undo what it left (or refuse), then take the lock
    // over (a concurrent taker loses `wx` above).
    const recovered = await recoverInterrupted(root, record);
    await rm(`${file}.next`, { force: true });
    await rm(file, { force: true });
    if (recovered) onStale(recovered);
  }
}

/** How long an empty lock may be another run writing its record, before it is stale. */
const WRITING_MS = 2_000;

/** Whether `file` was modified less than `ms` ago, by this machine's clock (false when gone). */
async function isNewer(file: string, ms: number): Promise<boolean> {
  const stats = await stat(file).catch(() => undefined);
  return stats !== undefined && Math.abs(Date.now() - stats.mtimeMs) < ms;
}

/** A lock's record; a bare process id is what versions before the record wrote. */
export function parseLock(text: string): LockRecord | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const record = JSON.parse(trimmed) as LockRecord;
    return Number.isInteger(record?.pid) && record.pid > 0 ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The runner `run`, with the process group of each child it starts in one noted in the lock
 * while it runs: a run killed outright cannot stop its install, so the next one must wait for it.
 */
export function trackChildren(run: ProcessRunner, journal: RunJournal | undefined): ProcessRunner {
  if (!journal) return run;
  return async (command, options) => {
    try {
      return await run(command, {
        ...options,
        onGroup: (group) => {
          journal.note({ group });
          options.onGroup?.(group);
        },
      });
    } finally {
      journal.note({ group: undefined });
    }
  };
}

/** Whether any process of the process group `group` is still alive. */
export function isGroupRunning(group: number): boolean {
  return process.platform !== 'win32' && isRunning(-group);
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
