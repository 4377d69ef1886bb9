import { readFile } from 'node:fs/promises';
import pc from 'picocolors';
import type { Manifest } from '../plan/manifest.js';
import { resolveInside } from '../project/safe-path.js';
import type { FileChange, ProjectState } from './reconcile.js';

/** Read the files a plan mentions (plus .env) up front, so planning stays pure. */
export async function readProject(
  root: string,
  manifest: Manifest,
  planned: readonly string[],
): Promise<ProjectState> {
  const paths = [...new Set([...planned, '.env'])];
  const contents = new Map(
    await Promise.all(paths.map(async (file) => [file, await readText(root, file)] as const)),
  );
  return { manifest, read: (file: string) => contents.get(file) };
}

/** A project file's text; undefined when it is not there. */
export function readText(root: string, file: string): Promise<string | undefined> {
  return readFile(resolveInside(root, file), 'utf8').catch(() => undefined);
}

const COLOR = {
  create: pc.green,
  update: pc.cyan,
  merge: pc.yellow,
  conflict: pc.red,
  missing: pc.red,
  delete: pc.red,
} as const;

/** One line per changed file under a heading: `  merge    src/app.ts`. */
export function describeChanges(heading: string, changes: readonly FileChange[]): string {
  const lines = changes.map(
    (change) => `  ${COLOR[change.kind](change.kind.padEnd(8))} ${change.path}`,
  );
  return [heading, ...lines].join('\n');
}
