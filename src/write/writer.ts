import { mkdtemp, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import fs from 'fs-extra';
import { CliError } from '../errors.js';
import type { PlannedFile } from '../plan/plan.js';
import { resolveInside } from '../project/safe-path.js';

/**
 * Write a planned project to `root` all at once.
 *
 * A new directory is written to a sibling staging directory and renamed into place, so it
 * either appears whole or not at all. An existing directory (empty, or forced) is filled
 * file by file from a staging area inside it; if any step fails, the files moved in are
 * removed and the ones they replaced are restored.
 */
export async function writeProject(root: string, files: readonly PlannedFile[]): Promise<void> {
  if (await fs.pathExists(root)) {
    await writeIntoExisting(root, files);
  } else {
    await writeFresh(root, files);
  }
}

async function writeFresh(root: string, files: readonly PlannedFile[]): Promise<void> {
  const parent = path.dirname(root);
  const createdParent = await makeDirectory(parent);
  const staging = await mkdtemp(path.join(parent, `.${path.basename(root)}-`));
  try {
    await writeFiles(staging, files);
    await rename(staging, root);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (createdParent) await rm(createdParent, { recursive: true, force: true });
    throw error;
  }
}

async function writeIntoExisting(root: string, files: readonly PlannedFile[]): Promise<void> {
  const realRoot = await realpath(root);
  const staging = await mkdtemp(path.join(root, '.create-backend-'));
  const incoming = path.join(staging, 'files');
  const backup = path.join(staging, 'backup');
  const done: { target: string; backedUp: boolean; createdDir: string | undefined }[] = [];
  try {
    await writeFiles(incoming, files);
    for (const file of files) {
      const target = resolveInside(root, file.path);
      const createdDir = await makeDirectory(path.dirname(target));
      await assertRealPathInside(realRoot, path.dirname(target), file.path);
      const existing = await fs.lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) {
        throw new CliError(`Cannot write ${file.path}: a directory of that name is in the way.`);
      }
      const backedUp = existing !== undefined;
      if (backedUp) await fs.move(target, resolveInside(backup, file.path));
      done.push({ target, backedUp, createdDir });
      await rename(resolveInside(incoming, file.path), target);
    }
  } catch (error) {
    for (const step of done.reverse()) {
      await rm(step.target, { force: true });
      if (step.backedUp) {
        await fs.move(resolveInside(backup, path.relative(root, step.target)), step.target);
      }
      if (step.createdDir) await rm(step.createdDir, { recursive: true, force: true });
    }
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function writeFiles(dir: string, files: readonly PlannedFile[]): Promise<void> {
  await Promise.all(
    files.map((file) => fs.outputFile(resolveInside(dir, file.path), file.content)),
  );
}

/** Create a directory and its parents; returns the top-most directory it created, if any. */
async function makeDirectory(dir: string): Promise<string | undefined> {
  const created = await fs.promises.mkdir(dir, { recursive: true });
  return created ?? undefined;
}

/** A symlinked directory inside the project must not carry a write outside it. */
async function assertRealPathInside(realRoot: string, dir: string, file: string): Promise<void> {
  const real = await realpath(dir);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new CliError(`Refusing to write "${file}": its directory leads outside the project.`);
  }
}
