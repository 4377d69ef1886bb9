import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import {
  copyFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  rmdir,
} from 'node:fs/promises';
import path from 'node:path';
import { CancelledError, CliError } from '../errors.js';
import type { RunJournal } from '../project/lock.js';
import { resolveInside } from '../project/safe-path.js';
import { describeFileSystemError } from './fs-errors.js';

/** A file to write: a planned one, or a user's file kept under another name. */
export interface FileToWrite {
  path: string;
  content: string | Buffer;
}

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
  files: readonly FileToWrite[],
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
  files: readonly FileToWrite[],
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

/** One step of a transaction, noted in its journal before it is taken; undone in reverse. */
export type TransactionStep =
  /** A directory the transaction creates (with everything under it). */
  | { dir: string }
  /**
   * A file it writes (`hash`: of what it writes) or keeps for a later step to change (no hash),
   * with whether its previous version is kept in `backup/`.
   */
  | { file: string; backup: boolean; hash?: string }
  /** A directory it removes because removing files emptied it: made again on undo. */
  | { emptied: string };

/** How a transaction tells the outside what it is doing, so a killed run can be undone. */
export interface TransactionOptions {
  /** Told the name of the work directory before it is made. */
  journal?: RunJournal;
  /** Files a later step (an install) may change or create: put back as they were on rollback. */
  keep?: readonly string[];
  /**
   * Files to delete: moved aside with the replaced ones, so a rollback puts them back. A
   * directory this empties is removed too (never the root, nor one that was empty already).
   */
  remove?: readonly string[];
}

/** The directory inside the work directory where replaced files are kept until the commit. */
export const BACKUP_DIR = 'backup';
const JOURNAL_FILE = 'journal';

/**
 * Write files into an existing directory: all are first written to a staging area inside it,
 * then renamed over their targets, whose previous versions are kept until `commit()`. If any
 * step fails, everything done so far is undone before the error is thrown. Each step is noted
 * in a journal in the work directory before it is taken, so `undoTransaction` can undo a
 * transaction whose process was killed.
 */
export async function writeTransaction(
  root: string,
  files: readonly FileToWrite[],
  options: TransactionOptions = {},
): Promise<Transaction> {
  const realRoot = await realpath(root);
  const work = `.create-backend-${randomBytes(6).toString('hex')}`;
  options.journal?.note({ work });
  const staging = path.join(root, work);
  await mkdir(staging, { mode: 0o700 }).catch((error: unknown) => {
    throw describeFileSystemError(error, () => root);
  });
  const incoming = path.join(staging, 'files');
  const backup = path.join(staging, BACKUP_DIR);
  const journal = path.join(staging, JOURNAL_FILE);
  const done: TransactionStep[] = [];
  const take = (step: TransactionStep) => {
    appendFileSync(journal, `${JSON.stringify(step)}\n`);
    done.push(step);
  };

  const rollback = async () => {
    await undoTransaction(root, work, done);
    done.length = 0;
  };

  try {
    writeFileSync(journal, '');
    await writeFiles(incoming, files);
    const writing = new Set(files.map((file) => file.path));
    await mkdir(incoming, { recursive: true });
    for (const file of options.keep?.filter((kept) => !writing.has(kept)) ?? []) {
      const target = resolveInside(root, file);
      const exists = existsSync(target);
      take({ file, backup: exists });
      if (exists) {
        // Copied beside, then renamed: a copy cut short must not be what gets put back.
        await copyFile(target, resolveInside(incoming, `${file}.kept`));
        await move(resolveInside(incoming, `${file}.kept`), resolveInside(backup, file));
      }
    }
    const removed: string[] = [];
    for (const file of options.remove ?? []) {
      const target = resolveInside(root, file);
      if (!existsSync(target)) continue;
      await assertRealPathInside(realRoot, path.dirname(target), file);
      take({ file, backup: true });
      await move(target, resolveInside(backup, file));
      removed.push(file);
    }
    for (const file of files) {
      const target = resolveInside(root, file.path);
      const created = firstMissing(root, path.dirname(target));
      if (created) take({ dir: path.relative(root, created) });
      await mkdir(path.dirname(target), { recursive: true });
      await assertRealPathInside(realRoot, path.dirname(target), file.path);
      const existing = await lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) {
        throw new CliError(`Cannot write ${file.path}: a directory of that name is in the way.`);
      }
      take({ file: file.path, backup: existing !== undefined, hash: hashFile(file.content) });
      if (existing) await move(target, resolveInside(backup, file.path));
      await rename(resolveInside(incoming, file.path), target);
    }
    // After the writes, so a directory that receives a new file is not removed and made again.
    for (const dir of parentsDeepestFirst(removed)) {
      const target = resolveInside(root, dir);
      if (!(await isEmptyDirectory(target))) continue;
      take({ emptied: dir });
      await rmdir(target);
    }
  } catch (error) {
    await rollback();
    throw describeFileSystemError(error, (failed) =>
      userPath(userPath(failed, incoming, root), backup, root),
    );
  }

  return {
    // The journal goes first, in one step: a run killed while the rest is removed must not
    // leave a journal for the next run to undo a finished transaction from, backup by backup.
    commit: async () => {
      await rm(journal, { force: true });
      await rm(staging, { recursive: true, force: true });
    },
    rollback,
  };
}

/**
 * Undo a transaction's `steps` (by default, those its journal names) and remove its work
 * directory. Steps are noted before they are taken, so each is undone only as far as it went:
 * a file whose previous version never reached `backup/` was never replaced.
 */
export async function undoTransaction(
  root: string,
  work: string,
  steps?: readonly TransactionStep[],
): Promise<void> {
  const staging = resolveInside(root, work);
  for (const step of [...(steps ?? (await readJournal(root, work)))].reverse()) {
    if ('dir' in step) {
      await rm(resolveInside(root, step.dir), { recursive: true, force: true });
      continue;
    }
    if ('emptied' in step) {
      await mkdir(resolveInside(root, step.emptied), { recursive: true });
      continue;
    }
    const target = resolveInside(root, step.file);
    const kept = resolveInside(path.join(staging, BACKUP_DIR), step.file);
    if (!step.backup) await rm(target, { recursive: true, force: true });
    else if (existsSync(kept)) {
      await rm(target, { recursive: true, force: true });
      await move(kept, target);
    }
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * The steps a transaction's journal names; a last line cut short was never acted on, and no
 * journal means none: it is made before the first step and removed first by the commit. Throws
 * when the journal is unreadable or names a path outside the project.
 */
export async function readJournal(root: string, work: string): Promise<TransactionStep[]> {
  const text = await readFile(path.join(resolveInside(root, work), JOURNAL_FILE), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    },
  );
  const lines = text.split('\n').filter((line) => line !== '');
  const steps: TransactionStep[] = [];
  for (const [index, line] of lines.entries()) {
    let step: TransactionStep;
    try {
      step = JSON.parse(line) as TransactionStep;
    } catch (error) {
      if (index === lines.length - 1) break;
      throw error;
    }
    resolveInside(root, stepPath(step));
    steps.push(step);
  }
  return steps;
}

const stepPath = (step: TransactionStep) =>
  'dir' in step ? step.dir : 'emptied' in step ? step.emptied : step.file;

/** The hash a journal notes of what a transaction wrote, to tell it from later edits. */
export function hashFile(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The top-most directory of `dir` and its parents (up to `root`) that does not exist. */
function firstMissing(root: string, dir: string): string | undefined {
  let missing: string | undefined;
  for (let current = dir; current !== root && !existsSync(current); ) {
    missing = current;
    current = path.dirname(current);
  }
  return missing;
}

/** The directories holding project paths `files` and their parents, the root left out. */
function parentsDeepestFirst(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      dirs.add(dir);
    }
  }
  const depth = (dir: string) => dir.split('/').length;
  return [...dirs].sort((a, b) => depth(b) - depth(a));
}

/** Whether `dir` is a directory (not a link to one) with nothing in it. */
async function isEmptyDirectory(dir: string): Promise<boolean> {
  const stats = await lstat(dir).catch(() => undefined);
  return stats?.isDirectory() === true && (await readdir(dir)).length === 0;
}

// Synchronous: for a hundred small files, a round trip through the thread pool per call costs
// more CPU than the writes themselves.
async function writeFiles(dir: string, files: readonly FileToWrite[]): Promise<void> {
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
