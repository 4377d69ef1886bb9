import { sortByText } from '../collate.js';
import { appendEnvVars, envAssignments } from '../edits/env-file.js';
import { mergePackageJson } from '../edits/package-json.js';
import { mergeText, wholeFileConflict } from '../edits/three-way.js';
import { MODULES } from '../modules/registry.js';
import { hashContent, MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import type { Plan } from '../plan/plan.js';

/** What happens to one file when a module is added. */
export type FileChange =
  | { path: string; kind: 'create' | 'update' | 'merge'; before: string | undefined; after: string }
  /** `after` is the generated version (taken with --force); `marked` shows what clashes. */
  | { path: string; kind: 'conflict'; before: string; after: string; marked: string }
  /** A generated file the addition changes, which the user deleted or renamed. */
  | { path: string; kind: 'missing'; before: undefined; after: string }
  /** A generated file the newer templates no longer have, which the user never edited. */
  | { path: string; kind: 'delete'; before: string; after: undefined };

/** Everything the planner needs to know about the project as it is on disk. */
export interface ProjectState {
  manifest: Manifest;
  /** Current contents of the files the plans mention; undefined when missing. */
  read: (path: string) => string | undefined;
}

const SPECIAL = new Set(['package.json', '.env', MANIFEST_FILE]);

/**
 * Work out how to bring a project from the plan it was generated from (`before`) to the plan
 * with the new module (`after`) without losing the user's edits:
 * - a file the module does not change is left alone, whatever the user did to it;
 * - a file the user never edited (its hash matches the manifest, whatever its line endings)
 *   is replaced;
 * - an edited file gets the module's changes woven in by a three-way merge, or is a conflict;
 * - a generated file the module changes but the user deleted or renamed is `missing`;
 * - package.json gets the dependency and script changes, .env the new variables (with fresh
 *   secrets from `after`), the manifest the new options, modules and hashes.
 */
export function reconcile(state: ProjectState, before: Plan, after: Plan): FileChange[] {
  const old = new Map(before.files.map((file) => [file.path, file.content]));
  const changes: FileChange[] = [];

  for (const file of after.files) {
    if (SPECIAL.has(file.path)) continue;
    const current = state.read(file.path);
    if (file.fromProject) {
      // Computed from the project as it is (a new migration, its journal): written as is.
      const kind = current === undefined ? 'create' : 'update';
      changes.push({ path: file.path, kind, before: current, after: file.content });
      continue;
    }
    const base = old.get(file.path);
    if (base === file.content) continue;
    if (current === undefined) {
      const kind = base === undefined ? 'create' : 'missing';
      changes.push({ path: file.path, kind, before: undefined, after: file.content });
      continue;
    }
    // Line endings do not make a file edited (a CRLF checkout); the user's are kept.
    const text = current.replaceAll('\r\n', '\n');
    const ending =
      text === current ? (lf: string) => lf : (lf: string) => lf.replaceAll('\n', '\r\n');
    if (text === file.content) continue;
    const untouched = hashContent(text) === state.manifest.files[file.path] || text === base;
    if (untouched) {
      changes.push({
        path: file.path,
        kind: 'update',
        before: current,
        after: ending(file.content),
      });
      continue;
    }
    // A file of the user's where none was generated before has nothing in common to merge from.
    const merged =
      base === undefined
        ? wholeFileConflict(text, file.content)
        : mergeText(base, text, file.content);
    changes.push(
      merged.clean
        ? { path: file.path, kind: 'merge', before: current, after: ending(merged.content) }
        : {
            path: file.path,
            kind: 'conflict',
            before: current,
            after: ending(file.content),
            marked: ending(merged.marked),
          },
    );
  }

  changes.push(...specialChanges(state, before, after));
  return changes.filter((change) => change.before !== change.after);
}

function specialChanges(state: ProjectState, before: Plan, after: Plan): FileChange[] {
  const planned = (plan: Plan, path: string) => plan.files.find((f) => f.path === path)?.content;
  const changes: FileChange[] = [];

  const pkg = state.read('package.json');
  const pkgBefore = JSON.parse(planned(before, 'package.json') ?? '{}');
  const pkgAfter = JSON.parse(planned(after, 'package.json') ?? '{}');
  if (pkg !== undefined) {
    const next = mergePackageJson(pkg, pkgBefore, pkgAfter);
    changes.push({
      path: 'package.json',
      kind: next === pkg ? 'update' : 'merge',
      before: pkg,
      after: next,
    });
  }

  const env = state.read('.env');
  if (env !== undefined) {
    const vars = envAssignments(planned(after, '.env') ?? '');
    const appended = appendEnvVars(env, vars, envHeading(before, after));
    changes.push({ path: '.env', kind: 'merge', before: env, after: appended });
  }

  const manifest = state.read(MANIFEST_FILE);
  const next = withEarlierHashes(planned(after, MANIFEST_FILE), state.manifest);
  if (next !== undefined) {
    changes.push({
      path: MANIFEST_FILE,
      kind: manifest ? 'update' : 'create',
      before: manifest,
      after: next,
    });
  }
  return changes;
}

/**
 * The comment above the variables appended to .env: the modules being added that bring
 * variables (`Redis settings added by create-backend`), else the version an update brings.
 */
function envHeading(before: Plan, after: Plan): string {
  const added = MODULES.filter(
    (module) =>
      after.modules.includes(module.id) &&
      !before.modules.includes(module.id) &&
      (module.env?.length ?? 0) > 0,
  );
  const whose =
    added.length > 0
      ? `${added.map((module) => module.choice?.label ?? module.id).join(' and ')} settings added by create-backend`
      : `Settings added by create-backend ${after.spec.cliVersion}`;
  return `${whose}. See .env.example.`;
}

/**
 * The new manifest, still listing the hashes of generated files the new plan does not render
 * (earlier migrations, which `add` never re-plans).
 */
function withEarlierHashes(content: string | undefined, previous: Manifest): string | undefined {
  if (content === undefined) return undefined;
  const next = JSON.parse(content) as Manifest;
  const files = Object.fromEntries(
    sortByText(Object.entries({ ...previous.files, ...next.files }), ([path]) => path),
  );
  return `${JSON.stringify({ ...next, files }, null, 2)}\n`;
}

/**
 * What `update` does with the files the baseline generated and this version no longer does
 * (migrations aside, which are the project's history): one the user never edited is deleted;
 * an edited one is the user's now and stays (`kept`). None of them is tracked any more.
 */
export function droppedFiles(
  state: ProjectState,
  before: Plan,
  after: Plan,
): { deleted: FileChange[]; kept: string[]; untracked: string[] } {
  const generated = new Set(after.files.map((file) => file.path));
  const dropped = before.files.filter(
    (file) =>
      !generated.has(file.path) && !SPECIAL.has(file.path) && !file.path.startsWith('drizzle/'),
  );
  const deleted: FileChange[] = [];
  const kept: string[] = [];
  for (const file of dropped) {
    const current = state.read(file.path);
    if (current === undefined) continue;
    const text = current.replaceAll('\r\n', '\n');
    if (hashContent(text) === state.manifest.files[file.path] || text === file.content) {
      deleted.push({ path: file.path, kind: 'delete', before: current, after: undefined });
    } else {
      kept.push(file.path);
    }
  }
  return { deleted, kept, untracked: dropped.map((file) => file.path) };
}
