import { diff3Merge } from 'node-diff3';

/**
 * The outcome of weaving generated changes into a file the user edited; a conflict carries the
 * file with git's conflict markers, to show the user what clashes.
 */
export type MergeResult = { clean: true; content: string } | { clean: false; marked: string };

/**
 * Three-way merge by lines: `base` is what the CLI generated before, `ours` the user's file,
 * `theirs` what the CLI generates now. Changes on both sides that touch the same lines are a
 * conflict; everything else is kept from both, so the user's edits survive. Lines both sides
 * add at the same place, replacing nothing (a route of the user's and a generated one after
 * the same line), are both kept, the user's first.
 */
export function mergeText(base: string, ours: string, theirs: string): MergeResult {
  if (ours === theirs || base === theirs) return { clean: true, content: ours };
  if (base === ours) return { clean: true, content: theirs };
  const lines: string[] = [];
  let clean = true;
  const regions = diff3Merge(ours.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  });
  for (const region of regions) {
    if (region.ok) {
      lines.push(...region.ok);
    } else if (region.conflict) {
      const { a, o, b } = region.conflict;
      if (o.length === 0) {
        lines.push(...a, ...b);
      } else {
        clean = false;
        lines.push(...marked(a, b));
      }
    }
  }
  const content = lines.join('\n');
  return clean ? { clean: true, content } : { clean: false, marked: content };
}

/** A file the user made where the generator now writes one: all of it clashes. */
export function wholeFileConflict(ours: string, theirs: string): MergeResult {
  return { clean: false, marked: marked(ours.split('\n'), theirs.split('\n')).join('\n') };
}

function marked(ours: string[], theirs: string[]): string[] {
  return ['<<<<<<< yours', ...ours, '=======', ...theirs, '>>>>>>> generated'];
}
