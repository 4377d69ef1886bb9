import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { MODULES_ASIDE, restoreModules } from '../effects/install.js';
import { CliError } from '../errors.js';
import {
  BACKUP_DIR,
  hashFile,
  readJournal,
  type TransactionStep,
  undoTransaction,
} from '../write/writer.js';
import { isGroupRunning, LOCK_FILE, type LockRecord } from './lock.js';

/** What the CLI names the directories it works in inside a project. */
const WORK_PREFIX = '.create-backend-';

/**
 * Put back what a run killed outright (its lock `record`, if readable) left in `root`: roll the
 * files back from its work directory, move `node_modules` back from where the install set it
 * aside, and remove both. Returns the line that says so, or nothing when it left nothing.
 * Refuses, changing nothing, while a program it started still runs, or when the leftovers
 * cannot be put back safely (a file changed since, a record that does not name them): the
 * message names them and the commands that restore them by hand.
 */
export async function recoverInterrupted(
  root: string,
  record: LockRecord | undefined,
): Promise<string | undefined> {
  const run = record ? `an interrupted run (process ${record.pid})` : 'an interrupted run';
  if (record?.group !== undefined && isGroupRunning(record.group)) {
    throw new CliError(
      `${upperFirst(run)} left a program it started (process group ${record.group}) changing this project; wait for it to finish, or stop it with "kill -- -${record.group}", then run this again.`,
    );
  }
  const leftovers = (await readdir(root)).filter((name) => name.startsWith(WORK_PREFIX)).sort();
  if (leftovers.length === 0) {
    return record ? `Took over the lock of ${run}.` : undefined;
  }

  if (record?.formatting) {
    // Past its install, with every file in place: its changes stand, as they do when such a
    // run is stopped in time to say so; its formatter's rewrites are its own, not edits.
    for (const name of leftovers) await rm(path.join(root, name), { recursive: true, force: true });
    return `${upperFirst(run)} was stopped while it formatted the files it had written; its changes stand: run the project's "format" script to finish.`;
  }
  const work = leftovers.filter((name) => name !== MODULES_ASIDE);
  const aside = leftovers.includes(MODULES_ASIDE);
  const problem = await whyUnsafe(root, record, work, aside);
  if (problem) {
    throw new CliError(
      `${upperFirst(run)} left ${leftovers.join(', ')}, which cannot be put back safely (${problem}); nothing was changed. To put back what it replaced: ${restoreCommands(root, work, aside)}`,
    );
  }

  let files = 0;
  for (const name of work) {
    const steps = await readJournal(root, name);
    files += steps.filter((step) => 'file' in step).length;
    await undoTransaction(root, name, steps);
  }
  if (aside && record?.modulesAside) await restoreModules(root);
  else await rm(path.join(root, MODULES_ASIDE), { recursive: true, force: true });
  const what = [
    ...(files > 0 ? [`${files} ${files === 1 ? 'file' : 'files'}`] : []),
    ...(aside && record?.modulesAside ? ['node_modules'] : []),
  ].join(' and ');
  // Killed while it committed: its changes stand, only its work directory was left.
  if (!what)
    return `Removed ${leftovers.join(', ')}, which ${run} left; nothing needed putting back.`;
  return `Undid what ${run} left halfway: ${what} put back as they were.`;
}

async function whyUnsafe(
  root: string,
  record: LockRecord | undefined,
  work: readonly string[],
  aside: boolean,
): Promise<string | undefined> {
  if (!record) return 'its lock does not say what it was doing';
  const unknown = work.find((name) => name !== record.work);
  if (unknown) return `its lock does not name ${unknown}`;
  if (aside && record.modulesAside === undefined) {
    return `its lock does not name ${MODULES_ASIDE}`;
  }
  for (const name of work) {
    let steps: TransactionStep[];
    try {
      steps = await readJournal(root, name);
    } catch {
      return `${name}/journal cannot be read`;
    }
    for (const step of steps) {
      if ('file' in step && (await changedSince(root, name, step))) {
        return `${step.file} was changed after it`;
      }
    }
  }
  return undefined;
}

/** Whether a file the transaction wrote holds something else now (an edit would be lost). */
async function changedSince(
  root: string,
  work: string,
  step: Extract<TransactionStep, { file: string }>,
): Promise<boolean> {
  if (step.hash === undefined) return false;
  const replaced = existsSync(path.join(root, work, BACKUP_DIR, step.file));
  if (step.backup && !replaced) return false;
  const content = await readFile(path.join(root, step.file)).catch(() => undefined);
  if (content === undefined) return step.backup;
  return hashFile(content) !== step.hash;
}

function restoreCommands(root: string, work: readonly string[], aside: boolean): string {
  const commands = [
    ...(aside ? [`rm -rf node_modules && mv ${MODULES_ASIDE} node_modules`] : []),
    ...work
      .filter((name) => existsSync(path.join(root, name, BACKUP_DIR)))
      .map((name) => `cp -R ${name}/${BACKUP_DIR}/. .`),
    `rm -rf ${[...work, LOCK_FILE].join(' ')}`,
  ];
  return `${commands.join(' && ')} (files it added stay: see git status).`;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
