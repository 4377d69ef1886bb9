import { createTwoFilesPatch } from 'diff';
import type { FileChange } from '../add/reconcile.js';

/** A unified diff of one file, as git would print it (a/ and b/ prefixes). */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
): string {
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${path}`,
    after === undefined ? '/dev/null' : `b/${path}`,
    before ?? '',
    after ?? '',
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/, '');
}

/**
 * Changes as unified diffs, for a dry run; a conflict as the user's file against the merge with
 * git's conflict markers, which shows what clashes.
 */
export function changeDiffs(changes: readonly FileChange[]): string {
  return changes
    .map((c) => unifiedDiff(c.path, c.before, c.kind === 'conflict' ? c.marked : c.after))
    .join('');
}
