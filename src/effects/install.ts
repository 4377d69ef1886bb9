import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRunner, RunResult } from '../context.js';
import type { PackageManager } from '../options/schema.js';
import { installCommand } from './package-manager.js';

const LOCKFILES = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];

/**
 * Install dependencies so that a failure, or an interrupt through `signal`, leaves the project
 * as it was: `node_modules` is set aside (not copied: a rename) and lockfiles are remembered;
 * if the install fails or is stopped they are put back. On success the old `node_modules` is
 * deleted.
 */
export async function installOrRestore(
  root: string,
  pm: PackageManager,
  run: ProcessRunner,
  signal?: AbortSignal,
): Promise<RunResult> {
  const modules = path.join(root, 'node_modules');
  const aside = path.join(root, '.create-backend-node_modules');
  const locks = await Promise.all(
    LOCKFILES.map(async (name) => {
      const file = path.join(root, name);
      return { file, content: await readFile(file).catch(() => undefined) };
    }),
  );
  const hadModules = existsSync(modules);
  await rm(aside, { recursive: true, force: true });
  if (hadModules) await rename(modules, aside);

  let result = await run(installCommand(pm), { cwd: root, signal });
  if (
    result.exitCode !== 0 &&
    !signal?.aborted &&
    pm === 'npm' &&
    /\bETARGET\b/.test(result.output)
  ) {
    // A registry replica can lag behind a version published minutes ago that the lockfile
    // already names; npm then reports ETARGET from cached or stale metadata. One retry that
    // revalidates every cached document settles it.
    const { command, args } = installCommand(pm);
    result = await run({ command, args: [...args, '--prefer-online'] }, { cwd: root, signal });
  }
  if (result.exitCode === 0 && !signal?.aborted) {
    await rm(aside, { recursive: true, force: true });
    return result;
  }

  await rm(modules, { recursive: true, force: true });
  if (hadModules) await rename(aside, modules);
  for (const lock of locks) {
    if (lock.content === undefined) await rm(lock.file, { force: true });
    else await writeFile(lock.file, lock.content);
  }
  return result;
}
