import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { type FileChange, type ProjectState, reconcile } from '../add/reconcile.js';
import { RUN_COMMAND } from '../cli-name.js';
import type { Context } from '../context.js';
import { installOrRestore } from '../effects/install.js';
import { runScriptCommand } from '../effects/package-manager.js';
import { CancelledError, CliError } from '../errors.js';
import {
  type MigrationStep,
  planMigrations,
  readMigrationHistory,
} from '../migrations/migrations.js';
import { authStep, initialMigrationSteps, resourceStep } from '../migrations/tables.js';
import { brokenRule } from '../options/rules.js';
import { ADDABLE, type Addable, type Choices, choiceValues, metaOf } from '../options/schema.js';
import { hashContent, MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import { type ProjectSpec, planProject, projectResources, templateLayers } from '../plan/plan.js';
import { readLayers } from '../plan/template-source.js';
import { withProjectLock } from '../project/lock.js';
import { readManifest } from '../project/manifest-file.js';
import { resolveInside } from '../project/safe-path.js';
import { parseFields } from '../resources/fields.js';
import { resourceNames } from '../resources/names.js';
import {
  defineResource,
  isExistingResource,
  type ResourceRecord,
  TODO,
} from '../resources/resource.js';
import { unifiedDiff } from '../ui/diff.js';
import { INSTALL_SLOW_HINT, startProgress } from '../ui/progress.js';
import { CLI_VERSION } from '../version.js';
import { interruptible } from '../write/interrupts.js';
import { writeTransaction } from '../write/writer.js';

/** What flags say about an `add` run. */
export interface AddInput {
  module: string;
  value?: string;
  /** For `add resource`: the fields (`title:string,dueAt:date?`) and an irregular plural. */
  fields?: string;
  plural?: string;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  install?: boolean;
  yes?: boolean;
}

/** What an `add` run did (or, with --dry-run, would do); `--json` prints it. */
export interface AddResult {
  module: Addable | 'resource';
  value: string;
  options: Choices;
  resources: ResourceRecord[];
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
  // Reads the manifest first, so outside a project the message is about that, not the lock.
  await readManifest(root);
  if (input.dryRun) return planAndApply(input, ctx);
  return withProjectLock(
    root,
    () => planAndApply(input, ctx),
    (pid) => ctx.logger.warn(`Took over the lock of an interrupted run (process ${pid}).`),
  );
}

async function planAndApply(input: AddInput, ctx: Context): Promise<AddResult> {
  const root = ctx.cwd;
  const manifest = await readManifest(root);
  const resources = manifestResources(manifest);
  const addition =
    input.module === 'resource'
      ? await resourceAddition(input, manifest, resources, ctx)
      : await choiceAddition(input, manifest, resources, ctx);
  const result: AddResult = {
    module: addition.module,
    value: addition.value,
    options: addition.after.choices,
    resources: (addition.after.resources ?? []).map((record) => ({ ...record })),
    changes: [],
    dryRun: Boolean(input.dryRun),
    installed: false,
  };
  if (addition.alreadyThere) {
    ctx.logger.info(`This project already has ${addition.flag}: nothing to do.`);
    return { ...result, options: manifest.options, resources };
  }
  return applyAddition(addition, input, manifest, result, ctx);
}

/** What one `add` changes: the project spec before and after, and the migrations it brings. */
interface Addition {
  module: AddResult['module'];
  value: string;
  /** How the addition is named in messages and in the command to re-run: `auth jwt`. */
  flag: string;
  before: ProjectSpec;
  after: ProjectSpec;
  migrations: MigrationStep[];
  alreadyThere?: boolean;
}

/** An addition the project already has: nothing to plan. */
function alreadyThere(
  module: Addition['module'],
  value: string,
  flag: string,
  spec: ProjectSpec,
): Addition {
  return { module, value, flag, before: spec, after: spec, migrations: [], alreadyThere: true };
}

async function choiceAddition(
  input: AddInput,
  manifest: Manifest,
  resources: ResourceRecord[],
  ctx: Context,
): Promise<Addition> {
  const { key, value: named } = parseModule(input.module);
  if (named !== undefined && input.value !== undefined && input.value !== named) {
    throw new CliError(
      `"add ${input.module}" already names ${key} ${named}: drop "${input.value}", or run "${RUN_COMMAND} add ${key} ${input.value}".`,
    );
  }
  if (input.fields !== undefined || input.plural !== undefined) {
    throw new CliError(
      `--fields and --plural are for "add resource", not "add ${key}": drop them, or add a resource.`,
    );
  }
  const value = await resolveValue(
    key,
    { ...input, value: named ?? input.value },
    manifest.options,
    ctx,
  );
  const flag = `${key} ${value}`;
  const before = projectSpec(manifest, manifest.options, resources);
  if (manifest.options[key] === value) return alreadyThere(key, value, flag, before);
  if (manifest.options[key] !== 'none') {
    throw new CliError(
      `This project has ${key} ${manifest.options[key]}; add only adds to a project without one.`,
    );
  }
  const choices = { ...manifest.options, [key]: value } as Choices;
  const rule = brokenRule(choices);
  if (rule) throw new CliError(rule.addMessage);
  const after = projectSpec(manifest, choices, key === 'database' ? [TODO] : resources);
  const migrations =
    key === 'database'
      ? initialMigrationSteps(choices.auth !== 'none', projectResources(after))
      : key === 'auth'
        ? [authStep(projectResources(after))]
        : [];
  return { module: key, value, flag, before, after, migrations };
}

async function resourceAddition(
  input: AddInput,
  manifest: Manifest,
  resources: ResourceRecord[],
  ctx: Context,
): Promise<Addition> {
  if (manifest.options.database === 'none') {
    throw new CliError(
      `A resource needs a database: run "${RUN_COMMAND} add database postgres" first.`,
    );
  }
  const prompter = ctx.interactive && !input.yes && !input.json ? ctx.prompter : undefined;
  const name =
    input.value ??
    (await prompter?.text({
      message: 'Resource name (singular)?',
      placeholder: 'invoice',
      validate: (value) => problemOf(() => resourceNames(value)),
    }));
  if (!name) {
    throw new CliError(
      `Name the resource: ${RUN_COMMAND} add resource <name> --fields "title:string,amount:number".`,
    );
  }
  const fields =
    input.fields ??
    (await prompter?.text({
      message: 'Fields (name:type, comma-separated)?',
      placeholder: 'title:string,amount:number,paid:boolean,dueAt:date?',
      validate: (value) => problemOf(() => parseFields(value)),
    }));
  if (fields === undefined) {
    throw new CliError(
      `Give the fields: ${RUN_COMMAND} add resource ${name} --fields "title:string,amount:number" (types: string, text, number, integer, boolean, date, enum(a|b); add ? for optional).`,
    );
  }
  const resource = defineResource({ name, plural: input.plural, fields });
  const flag = `resource ${resource.names.kebab}`;
  const existing = resources.map(defineResource);
  const before = projectSpec(manifest, manifest.options, resources);
  if (isExistingResource(resource, existing)) {
    return alreadyThere('resource', resource.names.kebab, flag, before);
  }
  const after = projectSpec(manifest, manifest.options, [...resources, resource.record]);
  const owned = manifest.options.auth !== 'none';
  return {
    module: 'resource',
    value: resource.names.kebab,
    flag,
    before,
    after,
    migrations: [resourceStep(resource, owned)],
  };
}

async function applyAddition(
  addition: Addition,
  input: AddInput,
  manifest: Manifest,
  result: AddResult,
  ctx: Context,
): Promise<AddResult> {
  const root = ctx.cwd;
  const { flag } = addition;
  // Adding only ever adds layers, so the new plan's layers hold the old plan's too.
  const layers = await readLayers(templateLayers(addition.after.choices));
  const before = planProject(addition.before, layers, ctx.random, []);
  const history = await readMigrationHistory((file) => readText(root, file));
  const migrations = planMigrations(history, addition.migrations, ctx.now()).map((file) => ({
    ...file,
    fromProject: true,
  }));
  const after = planProject(addition.after, layers, ctx.random, migrations);
  const state = await readProject(
    root,
    manifest,
    after.files.map((file) => file.path),
  );
  const changes = reconcile(state, before, after);

  const conflicts = changes.filter((change) => change.kind === 'conflict');
  if (conflicts.length > 0 && !input.force) {
    throw new CliError(
      `Adding ${flag} would overwrite your edits in ${conflicts.map((c) => c.path).join(', ')}; nothing was changed. Merge those by hand, or re-run with --force to take the generated versions (yours are kept as <file>.orig).`,
    );
  }

  result.changes = changes.map(({ path, kind }) => ({ path, kind }));
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
  let formatted = false;
  const interrupted = await interruptible(async (signal) => {
    const transaction = await writeTransaction(root, files);
    try {
      if (dependenciesChanged && input.install !== false) {
        const progress = startProgress(`Installing dependencies with ${manifest.packageManager}`, {
          logger: ctx.logger,
          slowHint: INSTALL_SLOW_HINT,
        });
        const installed = await installOrRestore(root, manifest.packageManager, ctx.run, signal);
        if (installed.exitCode === 0 && !signal.aborted) progress.stop('Dependencies installed');
        else progress.fail(signal.aborted ? 'Install stopped' : 'Installing dependencies failed');
        if (signal.aborted) throw new CancelledError('Cancelled: nothing was changed.');
        if (installed.exitCode !== 0) {
          const tail = installed.output.trim().split('\n').slice(-15).join('\n');
          if (tail) ctx.logger.detail(tail);
          throw new CliError(
            `Installing dependencies failed, so nothing was changed: fix the cause above and run "${RUN_COMMAND} add ${flag}" again.`,
          );
        }
        result.installed = true;
      } else if (signal.aborted) {
        throw new CancelledError('Cancelled: nothing was changed.');
      }
      formatted = await formatWritten(root, changes, ctx);
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
    // Past the install, undoing would leave node_modules out of step with package.json.
    await transaction.commit();
    return signal.aborted;
  });
  if (interrupted) ctx.logger.warn(`Interrupted once the install had finished: ${flag} is added.`);

  ctx.logger.success(`Added ${flag}.`);
  if (dependenciesChanged && !result.installed) {
    ctx.logger.info(`Next: ${pc.cyan(`${manifest.packageManager} install`)}`);
  }
  if (!formatted && changes.some((change) => isSource(change.path))) {
    ctx.logger.info(
      `Next: ${pc.cyan(runScriptCommand(manifest.packageManager, 'format'))} (Biome was not installed to format the new code)`,
    );
  }
  if (migrations.length > 0) {
    ctx.logger.info(
      `Migrations run on start in development; elsewhere: ${pc.cyan(runScriptCommand(manifest.packageManager, 'db:migrate'))}`,
    );
  }
  return result;
}

/**
 * What `add <module>` names: a choice (`add cache`, its value asked or defaulted), or one of a
 * choice's values on its own (`add redis` for `add cache redis`, `add docker`, `add postgres`).
 */
function parseModule(name: string): { key: Addable; value?: string } {
  const key = ADDABLE.find((candidate) => candidate === name);
  if (key) return { key };
  const byValue = ADDABLE.find((candidate) => addableValues(candidate).includes(name));
  if (byValue) return { key: byValue, value: name };
  throw new CliError(
    `Unknown module "${name}": use one of ${[...ADDABLE, 'resource'].join(', ')} (or a value such as ${ADDABLE.flatMap(addableValues).join(', ')}).`,
  );
}

/** The values `add` can give a choice: all but `none`. */
function addableValues(key: Addable): string[] {
  return (choiceValues(key) as readonly string[]).filter((value) => value !== 'none');
}

async function resolveValue(key: Addable, input: AddInput, current: Choices, ctx: Context) {
  const values = addableValues(key);
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

/** The resources a manifest records; manifests from before resources were recorded had `todo`. */
function manifestResources(manifest: Manifest): ResourceRecord[] {
  if (manifest.resources) return manifest.resources;
  return manifest.options.database === 'none' ? [] : [TODO];
}

function projectSpec(
  manifest: Manifest,
  choices: Choices,
  resources: ResourceRecord[],
): ProjectSpec {
  return {
    name: manifest.name,
    pm: manifest.packageManager,
    cliVersion: CLI_VERSION,
    choices,
    resources,
  };
}

/** The one-line problem a validation throws, for a prompt to show; undefined when valid. */
function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
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

const isSource = (file: string) => file.endsWith('.ts');

/**
 * Run the project's own Biome (formatter and import sorting, not its linter) over the source
 * files `add` wrote, so code named after a new resource is laid out as the project's lint
 * expects, and record the formatted hashes of files. Returns false when Biome is not installed
 * (the caller says what to run).
 */
async function formatWritten(
  root: string,
  changes: readonly FileChange[],
  ctx: Context,
): Promise<boolean> {
  const biome = path.join(root, 'node_modules', '.bin', 'biome');
  const installed = await access(biome).then(
    () => true,
    () => false,
  );
  if (!installed) return false;
  const paths = changes.map((change) => change.path).filter(isSource);
  if (paths.length === 0) return true;
  const args = ['check', '--write', '--linter-enabled=false', '--no-errors-on-unmatched'];
  const formatted = await ctx.run({ command: biome, args: [...args, ...paths] }, { cwd: root });
  if (formatted.exitCode !== 0) {
    ctx.logger.detail(formatted.output.trim().split('\n').slice(-15).join('\n'));
    throw new CliError(
      "The project's Biome could not format the new code (output above), so nothing was changed.",
    );
  }
  // Files wholly generated get their formatted hash; merged ones keep the generated version's,
  // so the next `add` still sees the user's edits in them.
  const generated = changes
    .filter((change) => change.kind === 'create' || change.kind === 'update')
    .map((change) => change.path)
    .filter(isSource);
  const manifestPath = resolveInside(root, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  for (const file of generated) {
    const content = await readText(root, file);
    if (content !== undefined && file in manifest.files)
      manifest.files[file] = hashContent(content);
  }
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
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
