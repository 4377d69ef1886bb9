import { Command, CommanderError } from 'commander';
import type * as z from 'zod/mini';
import { COMMAND_NAME, NPM_CREATE_COMMAND, RUN_COMMAND } from './cli-name.js';
import type { Context } from './context.js';
import { CliError } from './errors.js';
import {
  ADDABLE,
  CHOICE_KEYS,
  type CreateInput,
  choiceValues,
  createInputSchema,
  DEFAULT_CHOICES,
  metaOf,
  PACKAGE_MANAGERS,
} from './options/schema.js';
import { FIELD_TYPES } from './resources/fields.js';
import { createLogger, type Logger } from './ui/logger.js';
import { CLI_VERSION } from './version.js';
import { describeFileSystemError } from './write/fs-errors.js';

/** The process-level world; tests replace any part of it. */
export interface CliEnvironment {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTTY: boolean;
  /** Where the output goes: the commands', and commander's help and usage errors. */
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Turn argv into an input object and hand it to the command. Returns the exit code; prints
 * errors as one line. commander only parses here, the commands do the work.
 */
export async function main(
  argv: readonly string[],
  environment: CliEnvironment = {
    // Read when a command needs it: a working directory deleted under the shell makes
    // process.cwd() throw, which should be a clear line, not a crash before any command.
    get cwd() {
      return process.cwd();
    },
    env: process.env,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdout: process.stdout,
    stderr: process.stderr,
  },
): Promise<number> {
  const streams = { stdout: environment.stdout, stderr: environment.stderr };
  let exitCode = 0;
  let json = argv.includes('--json');
  let logger = createLogger(json, streams);
  const program = buildProgram(async (run, jsonOutput) => {
    json = jsonOutput;
    logger = createLogger(json, streams);
    exitCode = await run(logger);
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with 0 and their output already written.
      if (json && error.exitCode !== 0) logger.result(failure(error.message, error.exitCode));
      return error.exitCode;
    }
    const failed = report(error, logger, environment.env);
    if (json) logger.result(failure(failed.message, failed.exitCode));
    return failed.exitCode;
  }

  function buildProgram(
    dispatch: (run: (logger: Logger) => Promise<number>, json: boolean) => Promise<void>,
  ): Command {
    const root = new Command(COMMAND_NAME)
      .description('Create a production-ready Node.js backend.')
      .version(CLI_VERSION, '-v, --version')
      .argument('[directory]', 'where to create the project (. for the current directory)')
      // With an action of its own, commander adds no `help` command unless asked.
      .helpCommand(true)
      .addHelpText(
        'after',
        `\nWithout installing it: ${RUN_COMMAND} my-app, or ${NPM_CREATE_COMMAND} my-app`,
      )
      .exitOverride()
      .enablePositionalOptions()
      .showSuggestionAfterError();

    for (const key of CHOICE_KEYS) {
      const meta = metaOf(key);
      root.option(
        `--${meta.flag} <value>`,
        `${meta.description}: ${choiceValues(key).join(', ')} (default: ${DEFAULT_CHOICES[key]})`,
      );
    }
    root
      .option('--pm <name>', `package manager: ${PACKAGE_MANAGERS.join(', ')} (default: detected)`)
      .option('--install', 'install dependencies (default)')
      .option('--no-install', 'skip installing dependencies')
      .option('--git', 'initialize a git repository with a first commit (default)')
      .option('--no-git', 'skip git')
      .option('-y, --yes', 'use defaults for everything not given; never prompt')
      .option('-f, --force', 'write into a non-empty directory')
      .option('--dry-run', 'print the files that would be written; write nothing')
      .option('--json', 'print the result as JSON on stdout (human output goes to stderr)')
      .action((directory: string | undefined, flags: Record<string, unknown>) =>
        dispatch(async (log) => {
          const input = parseInput({ ...flags, directory });
          const { createProject } = await import('./commands/create.js');
          const result = await createProject(input, await buildContext(log, Boolean(input.json)));
          if (input.json) log.result(result);
          return 0;
        }, Boolean(flags.json)),
      );

    const add = root
      .command('add')
      .description('add a module to the project in the current directory')
      // `resource` has a help of its own, listed under Commands; the usage stays the module's.
      .usage('[options] [module] [value]')
      .argument(
        '[module]',
        `what to add: ${[...ADDABLE, 'resource'].join(', ')}, or a value on its own (redis, docker, ...); asked when missing`,
      )
      .argument(
        '[value]',
        'which one, e.g. postgres, jwt, redis, docker, github (asked or defaulted); for resource its name',
      );
    addOptions(resourceOptions(add)).action(
      (module: string | undefined, value: string | undefined, flags: Record<string, unknown>) =>
        runAdd({ ...flags, module, value }),
    );

    const resource = add
      .command('resource')
      .description('generate a CRUD resource wired to the framework and ORM')
      .argument('[name]', 'a singular noun, e.g. invoice or line-item (asked when missing)')
      .addHelpText(
        'after',
        [
          '',
          `Field types: ${FIELD_TYPES.join(', ')}.`,
          'A field is name:type; name?:type (or name:type?) makes it optional; enum lists its values: status:enum(draft|sent).',
          '',
          `Example: ${RUN_COMMAND} add resource invoice --fields "number:string,amount:number,paid:boolean,dueAt?:date,status:enum(draft|sent)"`,
        ].join('\n'),
      );
    addOptions(resourceOptions(resource)).action(
      (name: string | undefined, flags: Record<string, unknown>) =>
        runAdd({ ...add.opts(), ...flags, module: 'resource', value: name }),
    );

    function runAdd(input: Record<string, unknown> & { module?: string }): Promise<void> {
      return dispatch(async (log) => {
        const { addModule } = await import('./commands/add.js');
        const result = await addModule(input, await buildContext(log, Boolean(input.json)));
        if (input.json) log.result(result);
        return 0;
      }, Boolean(input.json));
    }

    root
      .command('update')
      .description("bring the project in the current directory to this version's templates")
      .option('--to <version>', 'the version to update to (default: this one)')
      .option(
        '--baseline <path>',
        'the package (directory or .tgz) of the version that made the project, instead of npm',
      )
      .option('--dry-run', 'print a unified diff of every change; write nothing')
      .option('--json', 'print the result as JSON on stdout (human output goes to stderr)')
      .option('-f, --force', 'replace files whose edits conflict (yours are kept as <file>.orig)')
      .option('--no-install', 'skip installing changed dependencies')
      .option('-y, --yes', 'never prompt')
      .action((flags: Record<string, unknown>) =>
        dispatch(async (log) => {
          const { updateProject } = await import('./commands/update.js');
          const result = await updateProject(flags, await buildContext(log, Boolean(flags.json)));
          if (flags.json) log.result(result);
          return 0;
        }, Boolean(flags.json)),
      );

    root
      .command('list')
      .description('show the choices, modules and which combinations are valid')
      .option('--json', 'print as JSON')
      .action((flags: { json?: boolean }) =>
        dispatch(async (log) => {
          const { buildCatalog, formatCatalog } = await import('./commands/list.js');
          const catalog = buildCatalog();
          if (flags.json) log.result(catalog);
          else log.info(formatCatalog(catalog));
          return 0;
        }, Boolean(flags.json)),
      );
    configureOutput(root, streams);
    return root;
  }

  async function buildContext(logger: Logger, json: boolean): Promise<Context> {
    const interactive = environment.stdinIsTTY && !isCI(environment.env) && !json;
    const prompter = interactive
      ? await (await import('./ui/prompter.js')).createClackPrompter()
      : undefined;
    // Loaded by the commands that need it, not by --version, --help or list.
    const { randomBytes } = await import('node:crypto');
    return {
      cwd: environment.cwd,
      env: environment.env,
      interactive,
      prompter,
      logger,
      // execa is loaded on the first process run: a run with --no-install --no-git starts none.
      run: async (command, options) =>
        (await import('./effects/run.js')).runProcess(command, options),
      random: randomBytes,
      now: Date.now,
      nodeVersion: process.versions.node,
    };
  }
}

function resourceOptions(command: Command): Command {
  return command
    .option(
      '--fields <fields>',
      'resource fields, e.g. "title:string,amount:number,paid:boolean,dueAt?:date,status:enum(a|b)"',
    )
    .option('--plural <word>', "the resource's plural, where English gives none (series)");
}

function addOptions(command: Command): Command {
  return command
    .option(
      '--baseline <path>',
      'for a project an older version made: the package (directory or .tgz) of that version, instead of npm',
    )
    .option('--dry-run', 'print a unified diff of every change; write nothing')
    .option('--json', 'print the result as JSON on stdout (human output goes to stderr)')
    .option('-f, --force', 'replace files whose edits conflict (yours are kept as <file>.orig)')
    .option('--no-install', 'skip installing new dependencies')
    .option('-y, --yes', 'never prompt');
}

/**
 * commander writes to the given streams, and its usage errors (`error: unknown option
 * '--bogus'`, with its near-typo suggestion) end with where the valid options are, on the same
 * line.
 */
function configureOutput(
  command: Command,
  streams: Pick<CliEnvironment, 'stdout' | 'stderr'>,
): void {
  const path: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) path.unshift(c.name());
  command.configureOutput({
    writeOut: (text) => streams.stdout.write(text),
    writeErr: (text) => streams.stderr.write(text),
    outputError: (message, write) =>
      write(
        `${message
          .trimEnd()
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\.$/, '')}; see "${path.join(' ')} --help".\n`,
      ),
  });
  for (const sub of command.commands) configureOutput(sub, streams);
}

/** Validate parsed flags against the input schema; the first problem becomes one line. */
export function parseInput(flags: Record<string, unknown>): CreateInput {
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const parsed = createInputSchema.safeParse(defined);
  if (parsed.success) return parsed.data;
  throw new CliError(describeIssue(parsed.error.issues[0], defined));
}

function describeIssue(
  issue: z.core.$ZodIssue | undefined,
  flags: Record<string, unknown>,
): string {
  const key = String(issue?.path[0] ?? '');
  const flag = `--${CHOICE_KEYS.includes(key as never) ? metaOf(key as never).flag : kebab(key)}`;
  if (issue?.code === 'invalid_value') {
    const valid = issue.values.map(String).join(', ');
    return `Invalid value "${String(flags[key])}" for ${flag}: use one of ${valid}.`;
  }
  return `Invalid ${flag}: ${issue?.message ?? 'unknown problem'}.`;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function isCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

function report(
  error: unknown,
  logger: Logger,
  env: Readonly<Record<string, string | undefined>>,
): { message: string; exitCode: number } {
  const described = describeFileSystemError(error);
  if (described instanceof CliError) {
    logger.error(described.message);
    return described;
  }
  const message = error instanceof Error ? error.message : String(error);
  logger.error(`Unexpected error: ${message} (set DEBUG=create-backend for details)`);
  if (env.DEBUG?.includes('create-backend') && error instanceof Error && error.stack) {
    logger.detail(error.stack);
  }
  return { message: `Unexpected error: ${message}`, exitCode: 1 };
}

/** What `--json` prints on stdout when a command fails: the line stderr shows, and the code. */
function failure(message: string, exitCode: number) {
  return { error: { message: message.replace(/^error: /, ''), exitCode } };
}
