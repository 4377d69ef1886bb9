import { readFile } from 'node:fs/promises';
import pc from 'picocolors';
import { applyChanges, isSource } from '../add/apply.js';
import { planAddition } from '../add/plan.js';
import { type FileChange, type ProjectState, reconcile } from '../add/reconcile.js';
import { type AddInput, type Addition, resolveAddition } from '../add/resolve.js';
import type { Context } from '../context.js';
import { runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { readMigrationHistory } from '../migrations/migrations.js';
import type { Choices } from '../options/schema.js';
import type { Manifest } from '../plan/manifest.js';
import { projectResources, templateLayers } from '../plan/plan.js';
import { readLayers } from '../plan/template-source.js';
import { withProjectLock } from '../project/lock.js';
import { assertProjectShape, readManifest } from '../project/manifest-file.js';
import { resolveInside } from '../project/safe-path.js';
import type { ResourceRecord } from '../resources/resource.js';
import { unifiedDiff } from '../ui/diff.js';

export type { AddInput } from '../add/resolve.js';

/** What an `add` run did (or, with --dry-run, would do); `--json` prints it. */
export interface AddResult {
  module: Addition['module'];
  value: string;
  options: Choices;
  resources: ResourceRecord[];
  changes: { path: string; kind: FileChange['kind'] }[];
  dryRun: boolean;
  installed: boolean;
}

/**
 * Add a module to the project in `ctx.cwd`, in three steps: resolve what is added (flags,
 * prompts, the rules), plan the project as it was generated and as it would be with the
 * module and weave the difference into the files on disk (pure), then apply it all or nothing.
 */
export async function addModule(input: AddInput, ctx: Context): Promise<AddResult> {
  const root = ctx.cwd;
  // Reads the manifest first, so outside a project the message is about that, not the lock.
  await readManifest(root);
  if (input.dryRun) return add(input, ctx);
  return withProjectLock(
    root,
    () => add(input, ctx),
    (pid) => ctx.logger.warn(`Took over the lock of an interrupted run (process ${pid}).`),
  );
}

async function add(input: AddInput, ctx: Context): Promise<AddResult> {
  const root = ctx.cwd;
  const manifest = await readManifest(root);
  await assertProjectShape(root);
  const addition = await resolveAddition(input, manifest, ctx);
  const result: AddResult = {
    module: addition.module,
    value: addition.value,
    options: addition.after.choices,
    resources: projectResources(addition.after).map((resource) => resource.record),
    changes: [],
    dryRun: Boolean(input.dryRun),
    installed: false,
  };
  if (addition.alreadyThere) {
    ctx.logger.info(`This project already has ${addition.flag}: nothing to do.`);
    return { ...result, options: manifest.options };
  }

  // Adding only ever adds layers, so the new plan's layers hold the old plan's too.
  const layers = await readLayers(templateLayers(addition.after.choices));
  const history = await readMigrationHistory((file) => readText(root, file));
  const plans = planAddition(addition, layers, history, ctx.random, ctx.now());
  const state = await readProject(
    root,
    manifest,
    plans.after.files.map((file) => file.path),
  );
  const changes = reconcile(state, plans.before, plans.after);

  const { flag } = addition;
  const conflicts = changes.filter((change) => change.kind === 'conflict');
  if (conflicts.length > 0 && !input.force) {
    throw new CliError(
      `Adding ${flag} would overwrite your edits in ${conflicts.map((c) => c.path).join(', ')}; nothing was changed. Merge those by hand, or re-run with --force to take the generated versions (yours are kept as <file>.orig).`,
    );
  }

  const missing = changes.filter((change) => change.kind === 'missing');
  if (missing.length > 0 && !input.force) {
    const paths = missing.map((change) => change.path).join(', ');
    throw new CliError(
      `Adding ${flag} changes ${paths}, which ${missing.length === 1 ? 'is' : 'are'} missing (renamed or deleted?); nothing was changed. Put ${missing.length === 1 ? 'it' : 'them'} back (e.g. git checkout -- ${paths}), or re-run with --force to recreate ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  }

  result.changes = changes.map(({ path, kind }) => ({ path, kind }));
  ctx.logger.info(describeChanges(flag, changes, result.dryRun));
  if (input.dryRun) {
    if (!input.json) {
      ctx.logger.info(changes.map((c) => unifiedDiff(c.path, c.before, c.after)).join(''));
    }
    return result;
  }

  const applied = await applyChanges(
    root,
    changes,
    flag,
    manifest,
    { install: input.install !== false },
    ctx,
  );
  result.installed = applied.installed;

  const pm = manifest.packageManager;
  ctx.logger.success(`Added ${flag}.`);
  if (changes.some((change) => change.path === 'package.json') && !applied.installed) {
    ctx.logger.info(`Next: ${pc.cyan(`${pm} install`)}`);
  }
  if (!applied.formatted && changes.some((change) => isSource(change.path))) {
    ctx.logger.info(
      `Next: ${pc.cyan(runScriptCommand(pm, 'format'))} (Biome was not installed to format the new code)`,
    );
  }
  if (plans.migrations.length > 0) {
    ctx.logger.info(
      `Migrations run on start in development; elsewhere: ${pc.cyan(runScriptCommand(pm, 'db:migrate'))}`,
    );
  }
  return result;
}

/** Read the files the plan mentions (plus .env), up front, so planning stays pure. */
async function readProject(
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

function readText(root: string, file: string): Promise<string | undefined> {
  return readFile(resolveInside(root, file), 'utf8').catch(() => undefined);
}

function describeChanges(flag: string, changes: readonly FileChange[], dryRun: boolean): string {
  const color = {
    create: pc.green,
    update: pc.cyan,
    merge: pc.yellow,
    conflict: pc.red,
    missing: pc.red,
  };
  const lines = changes.map(
    (change) => `  ${color[change.kind](change.kind.padEnd(8))} ${change.path}`,
  );
  const head = dryRun
    ? `Dry run: adding ${flag} would change ${changes.length} files`
    : `Adding ${flag}: ${changes.length} files`;
  return [head, ...lines].join('\n');
}
