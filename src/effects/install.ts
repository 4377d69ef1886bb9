import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRunner, RunResult } from '../context.js';
import type { PackageManager } from '../options/schema.js';
import type { RunJournal } from '../project/lock.js';
import { installCommand } from './package-manager.js';

/** The lockfiles an install may write: the caller keeps them, to put them back on failure. */
export const LOCKFILES = [
  'package-lock.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
];

/** Where `node_modules` waits while an install runs. */
export const MODULES_ASIDE = '.create-backend-node_modules';

/**
 * Install dependencies so that a failure, or an interrupt through `signal`, leaves
 * `node_modules` as it was: it is set aside (not copied: a rename) and put back if the install
 * fails or is stopped; on success the old one is deleted. `journal` is told before the
 * set-aside copy starts or stops being the one to put back.
 */
export async function installOrRestore(
  root: string,
  pm: PackageManager,
  run: ProcessRunner,
  signal?: AbortSignal,
  journal?: RunJournal,
): Promise<RunResult> {
  const aside = path.join(root, MODULES_ASIDE);
  const hadModules = existsSync(path.join(root, 'node_modules'));
  await rm(aside, { recursive: true, force: true });
  if (hadModules) {
    journal?.note({ modulesAside: true });
    await rename(path.join(root, 'node_modules'), aside);
  }

  let result = await run(installCommand(pm), { cwd: root, signal });
  if (
    result.exitCode !== 0 &&
    !signal?.aborted &&
    pm === 'npm' &&
    /\bETARGET\b/.test(result.output)
  ) {
    // The lockfile can name a version newer than registry metadata npm has cached (or that a
    // lagging registry replica serves); npm then reports ETARGET. One retry that revalidates
    // every cached document settles it. `--prefer-offline` (from .npmrc or the environment)
    // would win over `--prefer-online`, so it is turned off for the retry.
    const { command, args } = installCommand(pm);
    result = await run(
      { command, args: [...args, '--prefer-online', '--no-prefer-offline'] },
      { cwd: root, signal },
    );
  }
  if (result.exitCode === 0 && !signal?.aborted) {
    journal?.note({ modulesAside: false });
    await rm(aside, { recursive: true, force: true });
    return result;
  }
  if (hadModules) await restoreModules(root);
  else await rm(path.join(root, 'node_modules'), { recursive: true, force: true });
  journal?.note({ modulesAside: undefined });
  return result;
}

/** Put the set-aside `node_modules` back in place of whatever an install left there. */
export async function restoreModules(root: string): Promise<void> {
  const modules = path.join(root, 'node_modules');
  await rm(modules, { recursive: true, force: true });
  await rename(path.join(root, MODULES_ASIDE), modules);
}
