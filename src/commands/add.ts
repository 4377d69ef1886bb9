import pc from 'picocolors';
import { applyChanges, assertSafe, isSource } from '../add/apply.js';
import { planAddition } from '../add/plan.js';
import { describeChanges, readProject, readText } from '../add/project-state.js';
import { rebaseAddition } from '../add/rebase.js';
import { type FileChange, reconcile } from '../add/reconcile.js';
import { type AddInput, type Addition, resolveAddition } from '../add/resolve.js';
import type { Context } from '../context.js';
import { runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { JOURNAL_PATH, readMigrationHistory } from '../migrations/migrations.js';
import { modulesFor } from '../modules/registry.js';
import type { Choices } from '../options/schema.js';
import type { Manifest } from '../plan/manifest.js';
import { type Plan, projectResources, templateLayers } from '../plan/plan.js';
import { readLayers } from '../plan/template-source.js';
import { type RunJournal, withProjectLock } from '../project/lock.js';
import {
  assertProjectShape,
  compareVersions,
  findProjectRoot,
  readManifest,
} from '../project/manifest-file.js';
import type { ResourceRecord } from '../resources/resource.js';
import { changeDiffs } from '../ui/diff.js';
import { baselinePackage, renderBaseline } from '../update/baseline.js';
import { formatLikeProject } from '../update/format.js';
import { CLI_VERSION } from '../version.js';
import { interruptible, stopIfAborted, stoppedBy } from '../write/interrupts.js';

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
export async function addModule(input: AddInput, inputCtx: Context): Promise<AddResult> {
  // From a subdirectory, the project is the nearest parent with a manifest (as git does).
  const root = await findProjectRoot(inputCtx.cwd);
  const ctx = root === inputCtx.cwd ? inputCtx : { ...inputCtx, cwd: root };
  // Reads the manifest first, so outside a project the message is about that, not the lock.
  await readManifest(root);
  if (input.dryRun) return add(input, ctx);
  // Stop signals are answered from the lock on: the run stops at the next point where it has
  // changed nothing yet, or its writes undo themselves, and the lock is let go either way.
  return interruptible((signal) =>
    withProjectLock(
      root,
      (journal) => add(input, ctx, journal, signal),
      (message) => ctx.logger.warn(message),
    ),
  );
}

async function add(
  input: AddInput,
  inputCtx: Context,
  journal?: RunJournal,
  signal?: AbortSignal,
): Promise<AddResult> {
  const ctx = { ...inputCtx, run: stoppedBy(inputCtx.run, signal) };
  const root = ctx.cwd;
  const manifest = await readManifest(root);
  await assertProjectShape(root);
  const addition = await resolveAddition(input, manifest, ctx);
  stopIfAborted(signal);
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
  // No journal reads as no migrations yet: numbered from 0000, the new one would overwrite them.
  if (!history && manifest.files[JOURNAL_PATH] !== undefined && plans.migrations.length > 0) {
    throw new CliError(
      `${JOURNAL_PATH}, which lists the migrations of this project, is missing; nothing was changed. Put it back (e.g. git checkout -- ${JOURNAL_PATH}) and try again.`,
    );
  }
  // A project an older version made: carry only the module's changes over to its files.
  const { before, after } =
    compareVersions(manifest.version, CLI_VERSION) < 0
      ? await rebaseOnBaseline(plans, manifest, input.baseline, ctx)
      : plans;
  const state = await readProject(
    root,
    manifest,
    after.files.map((file) => file.path),
  );
  const changes = reconcile(state, before, after);

  const { flag } = addition;
  // A dry run shows what clashes before it refuses.
  if (input.dryRun && !input.json && changes.some((change) => change.kind === 'conflict')) {
    ctx.logger.info(changeDiffs(changes));
  }
  assertSafe(changes, `Adding ${flag}`, input);

  result.changes = changes.map(({ path, kind }) => ({ path, kind }));
  ctx.logger.info(
    describeChanges(
      result.dryRun
        ? `Dry run: adding ${flag} would change ${changes.length} files`
        : `Adding ${flag}: ${changes.length} files`,
      changes,
    ),
  );
  if (input.dryRun) {
    if (!input.json) {
      ctx.logger.info(changeDiffs(changes));
    }
    return result;
  }

  stopIfAborted(signal);
  const applied = await applyChanges(
    root,
    changes,
    manifest,
    { install: input.install !== false, rerun: `add ${flag}`, journal },
    inputCtx,
  );
  result.installed = applied.installed;

  const pm = manifest.packageManager;
  ctx.logger.success(`Added ${flag}.`);
  if (applied.dependenciesChanged && !applied.installed) {
    ctx.logger.info(`Next: ${pc.cyan(`${pm} install`)}`);
  }
  if (!applied.formatted && changes.some((change) => isSource(change.path))) {
    ctx.logger.info(
      `Next: ${pc.cyan(runScriptCommand(pm, 'format'))} (Biome was not installed to format the new code)`,
    );
  }
  const had = new Set(modulesFor(addition.before.choices).map((module) => module.id));
  const steps = modulesFor(addition.after.choices)
    .filter((module) => !had.has(module.id))
    .flatMap((module) => module.nextSteps?.(addition.after.choices, pm) ?? []);
  for (const step of steps) {
    ctx.logger.info(`Next: ${step.startsWith('#') ? pc.dim(step) : pc.cyan(step)}`);
  }
  if (plans.migrations.length > 0) {
    ctx.logger.info(
      `Migrations run on start in development; elsewhere: ${pc.cyan(runScriptCommand(pm, 'db:migrate'))}`,
    );
  }
  return result;
}

async function rebaseOnBaseline(
  plans: { before: Plan; after: Plan },
  manifest: Manifest,
  from: string | undefined,
  ctx: Context,
): Promise<{ before: Plan; after: Plan }> {
  const root = ctx.cwd;
  const pkg = await baselinePackage(manifest.version, from, ctx);
  const baseline = await formatLikeProject(
    root,
    [...(await renderBaseline(pkg, manifest, ctx))].map(([path, content]) => ({ path, content })),
    ctx,
  );
  const format = async (plan: Plan) => ({
    ...plan,
    files: await formatLikeProject(root, plan.files, ctx),
  });
  return rebaseAddition(
    new Map(baseline.map((file) => [file.path, file.content])),
    await format(plans.before),
    await format(plans.after),
    manifest,
  );
}
