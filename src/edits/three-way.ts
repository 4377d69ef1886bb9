import { merge } from 'node-diff3';

/** The outcome of weaving generated changes into a file the user edited. */
export type MergeResult = { clean: true; content: string } | { clean: false };

/**
 * Three-way merge by lines: `base` is what the CLI generated before, `ours` the user's file,
 * `theirs` what the CLI generates now. Changes on both sides that touch the same lines are a
 * conflict; everything else is kept from both, so the user's edits survive.
 */
export function mergeText(base: string, ours: string, theirs: string): MergeResult {
  if (ours === theirs || base === theirs) return { clean: true, content: ours };
  if (base === ours) return { clean: true, content: theirs };
  const result = merge(ours.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  });
  return result.conflict ? { clean: false } : { clean: true, content: result.result.join('\n') };
}
