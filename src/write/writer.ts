import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError, CliError } from '../errors.js';
import type { PlannedFile } from '../plan/plan.js';
import { resolveInside } from '../project/safe-path.js';
import { describeFileSystemError } from './fs-errors.js';

/** Files written into an existing directory, not final until committed. */
export interface Transaction {
  /** Drop the backups: the new files stay. */
  commit(): Promise<void>;
  /** Remove the new files and put back the ones they replaced. */
  rollback(): Promise<void>;
}

/**
 * Write a planned project to `root` all at once.
 *
 * A new directory is written to a sibling staging directory and renamed into place, so it
 * either appears whole or not at all. An existing directory (empty, or forced) is filled
 * through a transaction that is rolled back if any file fails. Once `signal` is aborted, the
 * project is not put in place: nothing is left of it and a `CancelledError` is thrown.
 */
export async function writeProject(
  root: string,
  files: readonly PlannedFile[],
  signal?: AbortSignal,
): Promise<void> {
  if (!existsSync(root)) return writeFresh(root, files, signal);
  const transaction = await writeTransaction(root, files);
  if (signal?.aborted) {
    await transaction.rollback();
    throw new CancelledError(NOTHING_WRITTEN);
  }
  await transaction.commit();
}

const NOTHING_WRITTEN = 'Cancelled: nothing was written.';

async function writeFresh(
  root: string,
  files: readonly PlannedFile[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const parent = path.dirname(root);
  const createdParent = await makeDirectory(parent).catch((error: unknown) => {
    throw describeFileSystemError(error);
  });
  // A plain mkdir, not mkdtemp (always 0700): the project gets the mode the user's umask gives.
  const staging = path.join(parent, `.${path.basename(root)}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging).catch((error: unknown) => {
    throw describeFileSystemError(error, () => root);
  });
  try {
    await writeFiles(staging, files);
    if (signal?.aborted) throw new CancelledError(NOTHING_WRITTEN);
    await rename(staging, root);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (createdParent) await rm(createdParent, { recursive: true, force: true });
    throw describeFileSystemError(error, (failed) => userPath(failed, staging, root));
  }
}

/**
 * Write files into an existing directory: all are first written to a staging area inside it,
 * then renamed over their targets, whose previous versions are kept until `commit()`. If any
 * step fails, everything done so far is undone before the error is thrown.
 */
export async function writeTransaction(
  root: string,
  files: readonly PlannedFile[],
): Promise<Transaction> {
  const realRoot = await realpath(root);
  const staging = await mkdtemp(path.join(root, '.create-backend-')).catch((error: unknown) => {
    throw describeFileSystemError(error, () => root);
  });
  const incoming = path.join(staging, 'files');
  const backup = path.join(staging, 'backup');
  // What has been done, in order: created directories and moved-in files (with whether a
  // previous version was backed up). Undone in reverse.
  const done: { file: string; target: string; backedUp: boolean }[] = [];

  const rollback = async () => {
    for (const step of done.reverse()) {
      await rm(step.target, { recursive: true, force: true });
      if (step.backedUp) await move(resolveInside(backup, step.file), step.target);
    }
    done.length = 0;
    await rm(staging, { recursive: true, force: true });
  };

  try {
    await writeFiles(incoming, files);
    for (const file of files) {
      const target = resolveInside(root, file.path);
      const createdDir = await makeDirectory(path.dirname(target));
      if (createdDir) done.push({ file: file.path, target: createdDir, backedUp: false });
      await assertRealPathInside(realRoot, path.dirname(target), file.path);
      const existing = await lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) {
        throw new CliError(`Cannot write ${file.path}: a directory of that name is in the way.`);
      }
      if (existing) await move(target, resolveInside(backup, file.path));
      done.push({ file: file.path, target, backedUp: existing !== undefined });
      await rename(resolveInside(incoming, file.path), target);
    }
  } catch (error) {
    await rollback();
    throw describeFileSystemError(error, (failed) =>
      userPath(userPath(failed, incoming, root), backup, root),
    );
  }

  return {
    commit: () => rm(staging, { recursive: true, force: true }),
    rollback,
  };
}

// Synchronous: for a hundred small files, a round trip through the thread pool per call costs
// more CPU than the writes themselves.
async function writeFiles(dir: string, files: readonly PlannedFile[]): Promise<void> {
  const made = new Set<string>();
  for (const file of files) {
    const target = resolveInside(dir, file.path);
    const parent = path.dirname(target);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(target, file.content);
  }
}

/** The path a user knows for one inside a staging directory that stands for `root`. */
function userPath(failed: string, staging: string, root: string): string {
  const relative = path.relative(staging, failed);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return failed;
  return relative === '' ? root : path.join(root, relative);
}

/** Rename `from` to `to`, creating the directories `to` needs (both are in one project). */
async function move(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to);
}

/** Create a directory and its parents; returns the top-most directory it created, if any. */
async function makeDirectory(dir: string): Promise<string | undefined> {
  const created = await mkdir(dir, { recursive: true });
  return created ?? undefined;
}

/** A symlinked directory inside the project must not carry a write outside it. */
async function assertRealPathInside(realRoot: string, dir: string, file: string): Promise<void> {
  const real = await realpath(dir);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new CliError(`Refusing to write "${file}": its directory leads outside the project.`);
  }
}
