import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../errors.js';
import { packageNameProblem, suggestPackageName } from './package-name.js';
import { hasControlCharacter } from './safe-path.js';

/** Where the project goes and what is there now. */
export interface Target {
  /** Absolute path of the project root. */
  dir: string;
  /** The package name, from the last path segment. */
  name: string;
  state: 'missing' | 'empty' | 'non-empty';
}

/** Entries that do not make a directory "non-empty": an existing repository is kept, as with git init. */
const IGNORED_ENTRIES = new Set(['.git']);

/** Why a directory argument is unusable before touching the disk, or undefined. */
export function directoryProblem(cwd: string, input: string): string | undefined {
  if (input.trim().length === 0) return 'The project directory is empty: give a name, e.g. my-app.';
  if (hasControlCharacter(input)) {
    return 'The project directory contains a control character: use a plain name, e.g. my-app.';
  }
  const name = path.basename(path.resolve(cwd, input));
  const problem = packageNameProblem(name);
  if (problem) {
    return `"${name}" is not a valid npm package name (${problem}): use "${suggestPackageName(name)}" instead.`;
  }
  return undefined;
}

/** Resolve the directory argument against `cwd`, check its name and look at what is there. */
export async function inspectTarget(cwd: string, input: string): Promise<Target> {
  const problem = directoryProblem(cwd, input);
  if (problem) throw new CliError(problem);
  const dir = path.resolve(cwd, input);
  const name = path.basename(dir);

  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return { dir, name, state: 'missing' };
  if (!info.isDirectory()) {
    throw new CliError(`${input} exists and is not a directory: choose another path.`);
  }
  const entries = (await readdir(dir)).filter((entry) => !IGNORED_ENTRIES.has(entry));
  return { dir, name, state: entries.length === 0 ? 'empty' : 'non-empty' };
}
