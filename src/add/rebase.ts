import { mergeText } from '../edits/three-way.js';
import { buildManifest, MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import type { Plan, PlannedFile } from '../plan/plan.js';

// Files `add` does not weave in line by line: package.json and .env get their own merges, the
// manifest is rebuilt.
const OWN_MERGE = new Set(['package.json', '.env', MANIFEST_FILE]);

/**
 * An addition to a project an older version made: the module's own changes (from `without` to
 * `withModule`, both this version's) carried over to that version's files (`baseline`), so
 * that `add` brings only the module, not every template change since (that is `update`'s job).
 * Returns the plans to reconcile: the baseline as generated, and the baseline with the module.
 * The manifest keeps the project's version and the hashes of files the module leaves alone.
 */
export function rebaseAddition(
  baseline: ReadonlyMap<string, string>,
  without: Plan,
  withModule: Plan,
  previous: Manifest,
): { before: Plan; after: Plan } {
  const old = new Map(without.files.map((file) => [file.path, file.content]));
  const files: PlannedFile[] = [];
  for (const file of withModule.files) {
    if (OWN_MERGE.has(file.path) || file.fromProject) {
      if (file.path !== MANIFEST_FILE) files.push(file);
      continue;
    }
    const generated = old.get(file.path);
    const original = baseline.get(file.path);
    if (generated === file.content) {
      // Not the module's: as the baseline has it, or absent when this version added it since.
      if (original !== undefined) files.push({ path: file.path, content: original });
    } else if (original === undefined || generated === undefined) {
      files.push(file);
    } else {
      const merged = mergeText(generated, original, file.content);
      files.push({ path: file.path, content: merged.clean ? merged.content : file.content });
    }
  }

  const planned = JSON.parse(
    withModule.files.find((file) => file.path === MANIFEST_FILE)?.content ?? '{}',
  ) as Manifest;
  const tracked = files.filter((file) => file.path !== '.env');
  const manifest = buildManifest(
    { ...planned, version: previous.version },
    planned.modules,
    tracked,
  );
  files.push({ path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });

  const before: Plan = {
    ...without,
    files: [
      ...[...baseline]
        .filter(([path]) => !OWN_MERGE.has(path))
        .map(([path, content]) => ({ path, content })),
      ...without.files.filter((file) => OWN_MERGE.has(file.path)),
    ],
  };
  return { before, after: { ...withModule, files } };
}
