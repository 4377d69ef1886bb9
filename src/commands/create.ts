import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { RUN_COMMAND } from '../cli-name.js';
import { askingPrompter, type Context } from '../context.js';
import { appendEnvVars, envAssignments } from '../edits/env-file.js';
import { type GitOutcome, initRepository } from '../effects/git.js';
import {
  detectPackageManager,
  installCommand,
  isYarnClassic,
  packageManagerVersion,
  runScriptCommand,
  scriptCommand,
} from '../effects/package-manager.js';
import { CancelledError, CliError } from '../errors.js';
import { modulesFor } from '../modules/registry.js';
import type { ModuleDefinition } from '../modules/types.js';
import { resolveChoices } from '../options/resolve.js';
import {
  CHOICE_KEYS,
  type Choices,
  type CreateInput,
  type PackageManager,
} from '../options/schema.js';
import { admitsNodeVersion, nodeEngines, projectDependencies } from '../plan/package-json.js';
import { type Plan, type PlannedFile, planProject, templateLayers } from '../plan/plan.js';
import { readLayers } from '../plan/template-source.js';
import { resolveInside } from '../project/safe-path.js';
import { directoryProblem, inspectTarget, type Target } from '../project/target.js';
import { INSTALL_SLOW_HINT, startProgress } from '../ui/progress.js';
import type { Prompter } from '../ui/prompter.js';
import { quotePath } from '../ui/quote.js';
import { CLI_VERSION } from '../version.js';
import { freeBackupPath } from '../write/backup-path.js';
import { interruptible } from '../write/interrupts.js';
import { type FileToWrite, writeProject } from '../write/writer.js';

/** The directory used when none is given and nobody can be asked. */
export const DEFAULT_DIRECTORY = 'my-backend';

/** What a create run did; `--json` prints it. */
export interface CreateResult {
  directory: string;
  name: string;
  options: Choices;
  packageManager: PackageManager;
  modules: string[];
  files: string[];
  dryRun: boolean;
  installed: boolean;
  git: GitOutcome['status'] | 'off';
}

/**
 * Create a project: resolve the target and the choices (prompting only for what flags left
 * open), plan it in memory, write it in one step, then install and commit.
 */
export async function createProject(input: CreateInput, ctx: Context): Promise<CreateResult> {
  const prompter = askingPrompter(ctx, input);
  prompter?.intro(pc.inverse(' create-backend '));

  const target = await resolveTarget(input, ctx, prompter);
  const choices = await resolveChoices(input, { interactive: prompter !== undefined, prompter });
  const pm = input.pm ?? detectPackageManager(ctx.env.npm_config_user_agent);
  const install =
    input.install ??
    (prompter ? await prompter.confirm({ message: `Install dependencies with ${pm}?` }) : true);
  const git =
    input.git ??
    (prompter ? await prompter.confirm({ message: 'Initialize a git repository?' }) : true);
  if (!prompter) ctx.logger.info(describeChoices(target, choices, pm));

  const layers = await readLayers(templateLayers(choices));
  const pmVersion = await packageManagerPin(pm, { install, dryRun: Boolean(input.dryRun) }, ctx);
  if (!pmVersion && !input.dryRun && (pm === 'pnpm' || pm === 'yarn')) {
    const latest = pm === 'yarn' ? 'yarn@stable' : 'pnpm@latest';
    ctx.logger.warn(
      `package.json names no version of ${pm} ("packageManager"), which corepack and CI read: run "corepack use ${latest}" in the project.`,
    );
  }
  const spec = { name: target.name, choices, pm, pmVersion, cliVersion: CLI_VERSION };
  const plan = planProject(spec, layers, ctx.random);
  const result: CreateResult = {
    directory: target.dir,
    name: target.name,
    options: choices,
    packageManager: pm,
    modules: plan.modules,
    files: plan.files.map((file) => file.path),
    dryRun: Boolean(input.dryRun),
    installed: false,
    git: 'off',
  };

  if (input.dryRun) {
    ctx.logger.info(describeDryRun(target, plan));
    return result;
  }

  const { files, kept } =
    target.state === 'non-empty'
      ? await keepReplaced(target.dir, plan.files)
      : { files: plan.files, kept: [] };
  await interruptible((signal) => writeProject(target.dir, files, signal));
  ctx.logger.success(`Created ${plan.files.length} files in ${displayPath(ctx.cwd, target.dir)}`);
  if (kept.length > 0) {
    ctx.logger.warn(
      `Kept your versions of the files it replaced: ${kept.map((file) => file.path).join(', ')}.`,
    );
  }
  warnOfNodeVersion(choices, ctx);

  if (install) {
    await interruptible((signal) =>
      installDependencies(target, pm, { ctx, prompter, git }, signal),
    );
    result.installed = true;
    for (const { afterInstall } of modulesFor(choices)) {
      if (afterInstall)
        await interruptible((signal) =>
          runAfterInstall(afterInstall, target, pm, { ctx, prompter, git }, signal),
        );
    }
  }
  if (git) {
    const outcome = await interruptible(async (signal) => {
      const made = await initRepository(target.dir, ctx.run, signal);
      if (made.status !== 'stopped') return made;
      throw new CancelledError(
        `Cancelled before the first commit; the project is in ${target.dir}: run "cd ${quotePath(target.dir)} && ${GIT_INIT}" to finish it.`,
      );
    });
    result.git = outcome.status;
    if (outcome.status !== 'committed') ctx.logger.warn(`git: ${outcome.reason}`);
  }

  ctx.logger.info(nextSteps(ctx.cwd, target, pm, result.installed, choices));
  prompter?.outro('Happy building!');
  return result;
}

/** Says so when the Node.js running the CLI is one the project's packages do not support. */
function warnOfNodeVersion(choices: Choices, ctx: Context): void {
  const range = nodeEngines(projectDependencies(choices, modulesFor(choices)));
  if (admitsNodeVersion(range, ctx.nodeVersion)) return;
  ctx.logger.warn(
    `This project's packages need Node.js ${range} (package.json "engines"); this is ${ctx.nodeVersion}: use a supported version to install and run it.`,
  );
}

async function resolveTarget(
  input: CreateInput,
  ctx: Context,
  prompter: Prompter | undefined,
): Promise<Target> {
  const directory =
    input.directory ??
    (prompter
      ? await prompter.text({
          message: 'Where should the project be created?',
          placeholder: DEFAULT_DIRECTORY,
          defaultValue: DEFAULT_DIRECTORY,
          validate: (value) => (value ? directoryProblem(ctx.cwd, value) : undefined),
        })
      : DEFAULT_DIRECTORY);
  const target = await inspectTarget(ctx.cwd, directory);
  if (target.state !== 'non-empty' || input.force) return target;
  if (!prompter) {
    throw new CliError(
      `${directory} is not empty: choose a new or empty directory, or pass --force to write into it.`,
    );
  }
  const overwrite = await prompter.confirm({
    message: `${directory} is not empty. Write into it anyway? Files with the same names are replaced (yours are kept as <file>.orig).`,
    initialValue: false,
  });
  if (!overwrite) throw new CancelledError();
  return target;
}

/**
 * The files to write into a directory that has some (`--force`, or confirmed): the user's
 * files that planned ones replace are kept beside them as `<file>.orig`, as `add --force`
 * keeps them, except `.env`, which gets the variables it lacks appended instead (a copy would
 * not be git-ignored, and its secrets would go into the first commit).
 */
async function keepReplaced(
  root: string,
  planned: readonly PlannedFile[],
): Promise<{ files: FileToWrite[]; kept: FileToWrite[] }> {
  const files: FileToWrite[] = [];
  const kept: FileToWrite[] = [];
  for (const file of planned) {
    const target = resolveInside(root, file.path);
    const stats = await lstat(target).catch(() => undefined);
    const content = stats?.isFile() ? await readFile(target) : undefined;
    if (content === undefined || content.equals(Buffer.from(file.content))) {
      files.push(file);
    } else if (file.path === '.env') {
      const heading = 'Settings added by create-backend. See .env.example.';
      const vars = envAssignments(file.content);
      files.push({ path: file.path, content: appendEnvVars(content.toString(), vars, heading) });
    } else {
      files.push(file);
      kept.push({ path: await freeBackupPath(root, file.path), content });
    }
  }
  return { files: [...files, ...kept], kept };
}

// The repository is made after the install, so the first commit has the lockfile: when the
// install stops, the message says how to make it, on main as initRepository makes it (the CI
// workflows run on pushes to main; git's own default is still master).
const GIT_INIT = 'git init -b main && git add -A && git commit -m "Initial commit"';

async function installDependencies(
  target: Target,
  pm: PackageManager,
  { ctx, prompter, git }: { ctx: Context; prompter: Prompter | undefined; git: boolean },
  signal: AbortSignal,
): Promise<void> {
  const progress = startProgress(`Installing dependencies with ${pm}`, {
    spinner: prompter?.spinner(),
    logger: ctx.logger,
    slowHint: INSTALL_SLOW_HINT,
  });

  const { exitCode, output } = await ctx.run(installCommand(pm), { cwd: target.dir, signal });
  const repository = git ? `, then ${GIT_INIT} (no git repository was made yet)` : '';
  const finish = `"cd ${quotePath(target.dir)} && ${pm} install"`;
  if (signal.aborted) {
    progress.fail('Install stopped');
    throw new CancelledError(
      `Cancelled during the install; the project is in ${target.dir}: run ${finish} to finish it${repository}.`,
    );
  }
  if (exitCode === 0) {
    progress.stop('Dependencies installed');
    return;
  }
  progress.fail('Installing dependencies failed');
  const tail = output.trim().split('\n').slice(-15).join('\n');
  if (tail) ctx.logger.detail(tail);
  const why = exitCode === -1 ? `${pm} could not be started` : `${pm} exited with code ${exitCode}`;
  throw new CliError(
    `Installing dependencies failed (${why}); the project is ready in ${target.dir}: run ${finish}${repository}.`,
  );
}

/** A module's step after the install; a failure leaves the step to the project's first run. */
async function runAfterInstall(
  { script, message }: NonNullable<ModuleDefinition['afterInstall']>,
  target: Target,
  pm: PackageManager,
  { ctx, prompter, git }: { ctx: Context; prompter: Prompter | undefined; git: boolean },
  signal: AbortSignal,
): Promise<void> {
  const progress = startProgress(message, { spinner: prompter?.spinner(), logger: ctx.logger });
  const { exitCode, output } = await ctx.run(scriptCommand(pm, script), {
    cwd: target.dir,
    signal,
  });
  if (exitCode === 0 && !signal.aborted) return progress.stop(`${message}: done`);
  progress.fail(`${message}: not done`);
  if (signal.aborted) {
    const repository = git
      ? `; to make its repository, run "cd ${quotePath(target.dir)} && ${GIT_INIT}"`
      : '';
    throw new CancelledError(
      `Cancelled after the install; the project is in ${target.dir} and its first run does what "${runScriptCommand(pm, script)}" did not finish${repository}.`,
    );
  }
  const tail = output.trim().split('\n').slice(-5).join('\n');
  if (tail) ctx.logger.detail(tail);
  ctx.logger.warn(
    `"${runScriptCommand(pm, script)}" did not finish; the project's first run will do it.`,
  );
}

/**
 * The exact version of the package manager, for package.json `packageManager` (corepack and the
 * CI setup actions install that version): from the user agent of the one that launched us, else
 * asked (`pm --version`). Asked before anything is written, so that one the install cannot use
 * (not installed, or Yarn 1) is refused now, not after the files are on disk; without the
 * install, the project is written unpinned.
 */
async function packageManagerPin(
  pm: PackageManager,
  { install, dryRun }: { install: boolean; dryRun: boolean },
  ctx: Context,
): Promise<string | undefined> {
  const agent = ctx.env.npm_config_user_agent;
  const launched = pm === detectPackageManager(agent);
  // npm is never pinned: only whether it runs matters, and only for the install.
  if (!launched && (dryRun || (pm === 'npm' && !install))) return undefined;
  const version = launched ? packageManagerVersion(agent, pm) : await installedVersion(pm, ctx);
  const refuse = (why: string) => {
    if (!install) return undefined;
    throw new CliError(
      `--pm ${pm}: ${why}; install it, choose another --pm, or pass --no-install. Nothing was written.`,
    );
  };
  if (version === null) return refuse(`${pm} is not installed here (or does not run)`);
  if (isYarnClassic(pm, version)) {
    return refuse(
      `Yarn ${version} (Classic) cannot install a project set up for the current Yarn ("corepack install --global yarn@stable" gives it)`,
    );
  }
  return version;
}

/** The version `pm --version` prints; null when it does not run. */
async function installedVersion(
  pm: PackageManager,
  ctx: Context,
): Promise<string | undefined | null> {
  const { exitCode, output } = await ctx.run(
    { command: pm, args: ['--version'] },
    { cwd: ctx.cwd },
  );
  if (exitCode !== 0) return null;
  const version = output.trim().split('\n').at(-1)?.trim() ?? '';
  return /^\d+\.\d+\.\d+$/.test(version) ? version : undefined;
}

function describeChoices(target: Target, choices: Choices, pm: PackageManager): string {
  const options = CHOICE_KEYS.map((key) => `${key}=${choices[key]}`).join(' ');
  return `Creating ${pc.bold(target.name)} with ${options} pm=${pm}`;
}

function describeDryRun(target: Target, plan: Plan): string {
  const lines = plan.files.map((file) => `  ${pc.green('create')} ${file.path}`);
  return [`Dry run: would write ${plan.files.length} files to ${target.dir}`, ...lines].join('\n');
}

function nextSteps(
  cwd: string,
  target: Target,
  pm: PackageManager,
  installed: boolean,
  choices: Choices,
): string {
  const where = displayPath(cwd, target.dir);
  const steps = [
    ...(where === '.' ? [] : [`cd ${quotePath(where)}`]),
    ...(installed ? [] : [`${pm} install`]),
    ...modulesFor(choices).flatMap((module) => module.nextSteps?.(choices, pm) ?? []),
    runScriptCommand(pm, 'dev'),
  ];
  return [
    '',
    pc.bold('Next steps:'),
    ...steps.map((step) => `  ${step.startsWith('#') ? pc.dim(step) : pc.cyan(step)}`),
    '',
    `API   http://localhost:3000/api/v1`,
    `Docs  http://localhost:3000/docs`,
    '',
    `Later, inside the project: ${pc.cyan(`${RUN_COMMAND} add <module>`)}`,
  ].join('\n');
}

function displayPath(cwd: string, dir: string): string {
  return path.relative(cwd, dir) || '.';
}
