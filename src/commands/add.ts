import { readFile } from 'node:fs/promises';
import pc from 'picocolors';
import { type FileChange, type ProjectState, reconcile } from '../add/reconcile.js';
import type { Context } from '../context.js';
import { installOrRestore } from '../effects/install.js';
import { runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { brokenRule } from '../options/rules.js';
import { ADDABLE, type Addable, type Choices, choiceValues, metaOf } from '../options/schema.js';
import type { Manifest } from '../plan/manifest.js';
import { type Plan, type ProjectSpec, planProject, templateLayers } from '../plan/plan.js';
import { readLayers } from '../plan/template-source.js';
import { readManifest } from '../project/manifest-file.js';
import { resolveInside } from '../project/safe-path.js';
import { unifiedDiff } from '../ui/diff.js';
import { CLI_VERSION } from '../version.js';
import { deferInterrupts } from '../write/defer-interrupts.js';
import { writeTransaction } from '../write/writer.js';

/** What flags say about an `add` run. */
export interface AddInput {
  module: string;
  value?: string;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  install?: boolean;
  yes?: boolean;
}

/** What an `add` run did (or, with --dry-run, would do); `--json` prints it. */
export interface AddResult {
  module: Addable;
  value: string;
  options: Choices;
  changes: { path: string; kind: FileChange['kind'] }[];
  dryRun: boolean;
  installed: boolean;
}

/**
 * Add a module to the project in `ctx.cwd`: plan the project as it was generated and as it
 * would be with the module, weave the difference into the files on disk (keeping the user's
 * edits), then write everything and install in one all-or-nothing step.
 */
export async function addModule(input: AddInput, ctx: Context): Promise<AddResult> {
  const root = ctx.cwd;
  const manifest = await readManifest(root);
  const key = parseModule(input.module);
  const value = await resolveValue(key, input, manifest.options, ctx);
  const flag = `${key} ${value}`;

  if (manifest.options[key] === value) {
    ctx.logger.info(`This project already has ${flag}: nothing to do.`);
    return {
      module: key,
      value,
      options: manifest.options,
      changes: [],
      dryRun: Boolean(input.dryRun),
      installed: false,
    };
  }
  if (manifest.options[key] !== 'none') {
    throw new CliError(
      `This project has ${key} ${manifest.options[key]}; add only adds to a project without one.`,
    );
  }
  const choices = { ...manifest.options, [key]: value } as Choices;
  const rule = brokenRule(choices);
  if (rule) throw new CliError(rule.addMessage);

  const spec = { name: manifest.name, pm: manifest.packageManager, cliVersion: CLI_VERSION };
  const before = await plan({ ...spec, choices: manifest.options }, ctx);
  const after = await plan({ ...spec, choices }, ctx);
  const changes = reconcile(await readProject(root, manifest, after), before, after);

  const conflicts = changes.filter((change) => change.kind === 'conflict');
  if (conflicts.length > 0 && !input.force) {
    throw new CliError(
      `Adding ${flag} would overwrite your edits in ${conflicts.map((c) => c.path).join(', ')}; nothing was changed. Merge those by hand, or re-run with --force to take the generated versions (yours are kept as <file>.orig).`,
    );
  }

  const result: AddResult = {
    module: key,
    value,
    options: choices,
    changes: changes.map(({ path, kind }) => ({ path, kind })),
    dryRun: Boolean(input.dryRun),
    installed: false,
  };
  ctx.logger.info(describeChanges(flag, changes, result.dryRun));
  if (input.dryRun) {
    if (!input.json)
      ctx.logger.info(changes.map((c) => unifiedDiff(c.path, c.before, c.after)).join(''));
    return result;
  }

  const files = changes.flatMap((change) => [
    { path: change.path, content: change.after },
    ...(change.kind === 'conflict'
      ? [{ path: `${change.path}.orig`, content: change.before }]
      : []),
  ]);

  const dependenciesChanged = changes.some((change) => change.path === 'package.json');
  await deferInterrupts(async () => {
    const transaction = await writeTransaction(root, files);
    if (dependenciesChanged && input.install !== false) {
      ctx.logger.info(`Installing dependencies with ${manifest.packageManager}…`);
      const installed = await installOrRestore(root, manifest.packageManager, ctx.run);
      if (installed.exitCode !== 0) {
        await transaction.rollback();
        const tail = installed.output.trim().split('\n').slice(-15).join('\n');
        if (tail) ctx.logger.detail(tail);
        throw new CliError(
          `Installing dependencies failed, so nothing was changed: fix the cause above and run "create-backend add ${flag}" again.`,
        );
      }
      result.installed = true;
    }
    await transaction.commit();
  });

  ctx.logger.success(`Added ${flag}.`);
  if (dependenciesChanged && !result.installed) {
    ctx.logger.info(`Next: ${pc.cyan(`${manifest.packageManager} install`)}`);
  }
  if (key === 'database') {
    ctx.logger.info(
      `Migrations run on start in development; elsewhere: ${pc.cyan(runScriptCommand(manifest.packageManager, 'db:migrate'))}`,
    );
  }
  return result;
}

function parseModule(name: string): Addable {
  const key = ADDABLE.find((candidate) => candidate === name);
  if (!key) {
    throw new CliError(`Unknown module "${name}": use one of ${ADDABLE.join(', ')}.`);
  }
  return key;
}

async function resolveValue(key: Addable, input: AddInput, current: Choices, ctx: Context) {
  const values = choiceValues(key).filter((value) => value !== 'none') as string[];
  if (input.value !== undefined) {
    if (!values.includes(input.value)) {
      throw new CliError(
        `Invalid value "${input.value}" for ${key}: use one of ${values.join(', ')}.`,
      );
    }
    return input.value;
  }
  const prompter = ctx.interactive && !input.yes && !input.json ? ctx.prompter : undefined;
  if (!prompter || values.length === 1 || current[key] !== 'none') return values[0] ?? '';
  const meta = metaOf(key);
  return prompter.select({
    message: meta.message,
    options: values.map((value) => ({
      value,
      label: meta.labels[value]?.label ?? value,
      hint: meta.labels[value]?.hint,
    })),
  });
}

async function plan(spec: ProjectSpec, ctx: Context): Promise<Plan> {
  return planProject(spec, await readLayers(templateLayers(spec.choices)), ctx.random);
}

/** Read every file the new plan mentions (plus .env), up front, so planning stays pure. */
async function readProject(root: string, manifest: Manifest, after: Plan): Promise<ProjectState> {
  const paths = [...after.files.map((file) => file.path), '.env'];
  const contents = new Map(
    await Promise.all(
      paths.map(
        async (path) =>
          [path, await readFile(resolveInside(root, path), 'utf8').catch(() => undefined)] as const,
      ),
    ),
  );
  return { manifest, read: (path: string) => contents.get(path) };
}

function describeChanges(flag: string, changes: readonly FileChange[], dryRun: boolean): string {
  const color = { create: pc.green, update: pc.cyan, merge: pc.yellow, conflict: pc.red };
  const lines = changes.map(
    (change) => `  ${color[change.kind](change.kind.padEnd(8))} ${change.path}`,
  );
  const head = dryRun
    ? `Dry run: adding ${flag} would change ${changes.length} files`
    : `Adding ${flag}: ${changes.length} files`;
  return [head, ...lines].join('\n');
}
