import pc from 'picocolors';
import { applyChanges, assertSafe } from '../add/apply.js';
import { describeChanges, readProject } from '../add/project-state.js';
import { droppedFiles, type FileChange, reconcile } from '../add/reconcile.js';
import { type ChangeFlags, manifestResources } from '../add/resolve.js';
import { PACKAGE_NAME } from '../cli-name.js';
import type { Context } from '../context.js';
import { runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { dialectFor } from '../modules/registry.js';
import { MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import { type Plan, planProject, templateLayers } from '../plan/plan.js';
import { readLayers } from '../plan/template-source.js';
import { type RunJournal, withProjectLock } from '../project/lock.js';
import {
  assertProjectShape,
  compareVersions,
  findProjectRoot,
  isReleaseVersion,
  readManifest,
} from '../project/manifest-file.js';
import { changeDiffs } from '../ui/diff.js';
import { startProgress } from '../ui/progress.js';
import { baselinePackage, renderBaseline } from '../update/baseline.js';
import { formatLikeProject } from '../update/format.js';
import { CLI_VERSION } from '../version.js';
import { interruptible, stopIfAborted, stoppedBy } from '../write/interrupts.js';

/** What flags say about an `update` run. */
export interface UpdateInput extends ChangeFlags {
  /** The version to update to; another than this one runs that version's `update`. */
  to?: string;
}

/** What an `update` run did (or, with --dry-run, would do); `--json` prints it. */
export interface UpdateResult {
  from: string;
  to: string;
  changes: { path: string; kind: FileChange['kind'] }[];
  dryRun: boolean;
  /** Whether the project already is what this version makes: nothing was (or would be) done. */
  upToDate: boolean;
  installed: boolean;
  /** Whether the schema changed, so a new migration was (or must be) generated. */
  schemaChanged: boolean;
}

/**
 * Bring the project in `ctx.cwd` to what this version generates, keeping the user's edits:
 * generate it again as the version in its manifest made it (the baseline) and as this one
 * makes it, and weave the difference into the files on disk, all or nothing. Migrations are
 * the project's history and are never rewritten; when the tables change, the project's own
 * drizzle-kit writes the next one.
 */
export async function updateProject(input: UpdateInput, inputCtx: Context): Promise<UpdateResult> {
  // From a subdirectory, the project is the nearest parent with a manifest (as git does).
  const root = await findProjectRoot(inputCtx.cwd);
  const ctx = root === inputCtx.cwd ? inputCtx : { ...inputCtx, cwd: root };
  // Reads the manifest first, so outside a project the message is about that, not the lock.
  await readManifest(root);
  // Part of the command it suggests: a version, never text a shell would read otherwise.
  if (input.to !== undefined && !isReleaseVersion(input.to)) {
    throw new CliError(`Invalid value "${input.to}" for --to: use a version, e.g. ${CLI_VERSION}.`);
  }
  if (input.to !== undefined && input.to !== CLI_VERSION) {
    throw new CliError(
      `This is ${PACKAGE_NAME} ${CLI_VERSION}; to update to ${input.to}, run "npx ${PACKAGE_NAME}@${input.to} update".`,
    );
  }
  if (input.dryRun) return update(input, ctx);
  // As in add: from the lock on, a stop signal ends the run where it has changed nothing yet.
  return interruptible((signal) =>
    withProjectLock(
      root,
      (journal) => update(input, ctx, journal, signal),
      (message) => ctx.logger.warn(message),
    ),
  );
}

const isMigration = (file: string) => file.startsWith('drizzle/');

async function update(
  input: UpdateInput,
  inputCtx: Context,
  journal?: RunJournal,
  signal?: AbortSignal,
): Promise<UpdateResult> {
  const ctx = { ...inputCtx, run: stoppedBy(inputCtx.run, signal) };
  const root = ctx.cwd;
  const manifest = await readManifest(root);
  await assertProjectShape(root);
  const result: UpdateResult = {
    from: manifest.version,
    to: CLI_VERSION,
    changes: [],
    dryRun: Boolean(input.dryRun),
    upToDate: false,
    installed: false,
    schemaChanged: false,
  };
  const upToDate = () => {
    ctx.logger.info(`This project is already up to date with ${PACKAGE_NAME} ${CLI_VERSION}.`);
    return { ...result, upToDate: true };
  };
  // Made by this version: its baseline (--baseline or not) is what this version generates.
  if (compareVersions(manifest.version, CLI_VERSION) === 0) return upToDate();

  const progress = startProgress(`Generating the project as ${manifest.version} made it`, {
    logger: ctx.logger,
  });
  let baseline: Map<string, string>;
  try {
    const pkg = await baselinePackage(manifest.version, input.baseline, ctx);
    baseline = await renderBaseline(pkg, manifest, ctx);
    progress.stop(`Generated the project as ${manifest.version} made it`);
  } catch (error) {
    progress.fail(`Could not generate the project as ${manifest.version} made it`);
    throw error;
  }

  const spec = {
    name: manifest.name,
    pm: manifest.packageManager,
    cliVersion: CLI_VERSION,
    choices: manifest.options,
    resources: manifestResources(manifest),
  };
  const layers = await readLayers(templateLayers(spec.choices));
  const next = planProject(spec, layers, ctx.random, []);
  const before: Plan = {
    spec,
    modules: manifest.modules,
    files: await formatLikeProject(
      root,
      [...baseline]
        .filter(([file]) => !isMigration(file))
        .map(([file, content]) => ({ path: file, content })),
      ctx,
    ),
  };
  const after: Plan = {
    ...next,
    files: await formatLikeProject(
      root,
      next.files.filter((file) => !isMigration(file.path)),
      ctx,
    ),
  };
  const state = await readProject(root, manifest, [
    ...after.files.map((file) => file.path),
    ...before.files.map((file) => file.path),
  ]);
  const dropped = droppedFiles(state, before, after);
  const changes = untrack(
    [...reconcile(state, before, after), ...dropped.deleted],
    dropped.untracked,
  );
  // A dry run shows what clashes before it refuses.
  if (input.dryRun && !input.json && changes.some((change) => change.kind === 'conflict')) {
    ctx.logger.info(changeDiffs(changes));
  }
  assertSafe(changes, `Updating to ${CLI_VERSION}`, input);
  if (changes.length === 0) return upToDate();

  result.changes = changes.map(({ path: file, kind }) => ({ path: file, kind }));
  result.schemaChanged =
    dialectFor(spec.choices) !== undefined &&
    changes.some((change) => change.path.endsWith('.table.ts'));
  const shown = changes.filter((change) => change.path !== MANIFEST_FILE);
  ctx.logger.info(
    describeChanges(
      result.dryRun
        ? `Dry run: updating from ${manifest.version} to ${CLI_VERSION} would change ${shown.length} files`
        : `Updating from ${manifest.version} to ${CLI_VERSION}: ${shown.length} files`,
      shown,
    ),
  );
  if (input.dryRun) {
    if (!input.json) {
      ctx.logger.info(changeDiffs(changes));
    }
    return result;
  }

  const install = input.install !== false;
  stopIfAborted(signal);
  const applied = await applyChanges(
    root,
    changes,
    manifest,
    {
      install,
      rerun: 'update',
      scripts: result.schemaChanged && install ? ['db:generate'] : [],
      journal,
    },
    inputCtx,
  );
  result.installed = applied.installed;
  const pm = manifest.packageManager;
  ctx.logger.success(`Updated from ${manifest.version} to ${CLI_VERSION}.`);
  if (applied.dependenciesChanged && !applied.installed) {
    ctx.logger.info(`Next: ${pc.cyan(`${pm} install`)}`);
  }
  if (result.schemaChanged) {
    ctx.logger.info(
      applied.installed
        ? `The tables changed: a new migration is in drizzle/; apply it with ${pc.cyan(runScriptCommand(pm, 'db:migrate'))} where dev does not.`
        : `The tables changed: run ${pc.cyan(runScriptCommand(pm, 'db:generate'))} to write their migration.`,
    );
  }
  if (changes.some((change) => change.kind === 'conflict')) {
    ctx.logger.warn(`Your versions of the conflicting files are kept as <file>.orig.`);
  }
  if (dropped.kept.length > 0) {
    ctx.logger.warn(
      `${CLI_VERSION} no longer generates ${dropped.kept.join(', ')}; you edited ${dropped.kept.length === 1 ? 'it, so it is' : 'them, so they are'} kept as yours.`,
    );
  }
  return result;
}

/** The changes, with the manifest no longer tracking `paths` (files no longer generated). */
function untrack(changes: FileChange[], paths: readonly string[]): FileChange[] {
  if (paths.length === 0) return changes;
  return changes.map((change) => {
    if (change.path !== MANIFEST_FILE || change.after === undefined) return change;
    const next = JSON.parse(change.after) as Manifest;
    for (const file of paths) delete next.files[file];
    return { ...change, after: `${JSON.stringify(next, null, 2)}\n` } as FileChange;
  });
}
