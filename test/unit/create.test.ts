import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../src/commands/create.js';
import { CancelledError, CliError } from '../../src/errors.js';
import { bareChoices } from '../support/choices.js';
import { fakeRunner, scriptedPrompter, tempDir, testContext } from '../support/context.js';

describe('createProject', () => {
  it('writes the project, installs with the detected package manager, commits', async () => {
    const cwd = await tempDir();
    // Not inside a repository yet: rev-parse fails, everything else succeeds.
    const run = fakeRunner((_, args) => ({
      exitCode: args[0] === 'rev-parse' ? 128 : 0,
      output: '',
    }));
    const ctx = testContext({ cwd, run, env: { npm_config_user_agent: 'pnpm/9.1.0 node/v20' } });
    const result = await createProject({ directory: 'api', yes: true }, ctx);

    expect(result).toMatchObject({
      name: 'api',
      packageManager: 'pnpm',
      installed: true,
      dryRun: false,
    });
    // The default database is embedded PostgreSQL: created right after the install.
    expect(run.calls.slice(0, 2)).toEqual(['pnpm install', 'pnpm db:migrate']);
    expect(run.calls).toContain('git init --quiet');
    expect(result.git).toBe('committed');
    const files = await readdir(path.join(cwd, 'api'), { recursive: true });
    expect(files).toEqual(
      expect.arrayContaining(result.files.map((f) => f.split('/').join(path.sep))),
    );
    const pkg = JSON.parse(await readFile(path.join(cwd, 'api/package.json'), 'utf8'));
    expect(pkg.name).toBe('api');
    expect(pkg.packageManager).toBe('pnpm@9.1.0');
    expect(ctx.logger.lines.join('\n')).toContain('pnpm dev');
  });

  it.each([
    ['fastify', '20.20.2', true],
    ['fastify', '22.12.0', false],
    ['express', '20.20.2', false],
  ] as const)(
    'warns when %s needs a newer Node.js than %s (%s)',
    async (framework, nodeVersion, warns) => {
      const cwd = await tempDir();
      const ctx = testContext({ cwd, nodeVersion });
      await createProject(
        { directory: 'api', yes: true, framework, database: 'none', install: false, git: false },
        ctx,
      );
      const warning = ctx.logger.lines.find((line) => line.includes('need Node.js'));
      if (warns) {
        expect(warning).toBe(
          `This project's packages need Node.js ^22.12.0 || >=24.0.0 (package.json "engines"); this is ${nodeVersion}: use a supported version to install and run it.`,
        );
      } else {
        expect(warning).toBeUndefined();
      }
    },
  );

  it('--dry-run plans everything and writes nothing', async () => {
    const cwd = await tempDir();
    const run = fakeRunner();
    const result = await createProject(
      { directory: 'api', dryRun: true },
      testContext({ cwd, run }),
    );
    expect(result.files).toContain('package.json');
    expect(await readdir(cwd)).toEqual([]);
    expect(run.calls).toEqual([]);
  });

  it('asks for the directory and every choice when a person is there', async () => {
    const cwd = await tempDir();
    const prompter = scriptedPrompter([
      'svc',
      'express',
      'none',
      'none',
      'none',
      'none',
      'none',
      'none',
      false,
      false,
    ]);
    const result = await createProject({}, testContext({ cwd, prompter }));
    expect(prompter.asked.map((q) => q.kind)).toEqual([
      'text',
      'select',
      'select',
      'select',
      'select',
      'select',
      'select',
      'select',
      'confirm',
      'confirm',
    ]);
    expect(result.options).toEqual(bareChoices());
    expect(result.installed).toBe(false);
    expect(await readdir(path.join(cwd, 'svc'))).toContain('package.json');
  });

  it('writes nothing when the user cancels at a prompt', async () => {
    const cwd = await tempDir();
    const prompter = scriptedPrompter(['svc', 'express', new CancelledError()]);
    await expect(createProject({}, testContext({ cwd, prompter }))).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(await readdir(cwd)).toEqual([]);
  });

  it('asks before writing into a non-empty directory, and stops on no', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'svc'));
    await writeFile(path.join(cwd, 'svc/notes.txt'), 'mine');
    const prompter = scriptedPrompter([false]);
    await expect(
      createProject({ directory: 'svc' }, testContext({ cwd, prompter })),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(await readdir(path.join(cwd, 'svc'))).toEqual(['notes.txt']);
  });

  it('--force writes into a non-empty directory and keeps unrelated files', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'svc'));
    await writeFile(path.join(cwd, 'svc/notes.txt'), 'mine');
    await createProject(
      { directory: 'svc', force: true, install: false, git: false },
      testContext({ cwd }),
    );
    const files = await readdir(path.join(cwd, 'svc'));
    expect(files).toEqual(expect.arrayContaining(['notes.txt', 'package.json', 'src']));
  });

  it('--force keeps the files it replaces as <file>.orig, and says so', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'svc'));
    await writeFile(path.join(cwd, 'svc/README.md'), '# my notes\n');
    await writeFile(path.join(cwd, 'svc/README.md.orig'), 'an older copy\n');
    await writeFile(path.join(cwd, 'svc/package.json'), Buffer.from([0xff, 0x00, 0x7b]));
    await writeFile(path.join(cwd, 'svc/.env'), 'PORT=4000\nMY_TOKEN=s3cret\n');
    const ctx = testContext({ cwd });
    await createProject(
      { directory: 'svc', force: true, database: 'none', auth: 'none', install: false, git: false },
      ctx,
    );
    const read = (file: string) => readFile(path.join(cwd, 'svc', file));
    expect((await read('README.md.orig.1')).toString()).toBe('# my notes\n');
    expect((await read('README.md.orig')).toString()).toBe('an older copy\n');
    expect(await read('package.json.orig')).toEqual(Buffer.from([0xff, 0x00, 0x7b]));
    expect((await read('package.json')).toString()).toContain('"name": "svc"');
    // Not copied to a .env.orig, which git does not ignore: the variables it lacks are added.
    const env = (await read('.env')).toString();
    expect(env).toMatch(
      /^PORT=4000\nMY_TOKEN=s3cret\n\n# Settings added by create-backend\. See \.env\.example\.\n/,
    );
    expect(env).toMatch(/^NODE_ENV=development$/m);
    expect(env).not.toMatch(/^PORT=3000$/m);
    expect(await readdir(path.join(cwd, 'svc'))).not.toContain('.env.orig');
    expect(ctx.logger.lines.filter((line) => line.startsWith('Kept'))).toEqual([
      'Kept your versions of the files it replaced: package.json.orig, README.md.orig.1.',
    ]);
  });

  it('refuses a package manager that is not installed before writing anything', async () => {
    const cwd = await tempDir();
    const run = fakeRunner((command) =>
      command === 'bun'
        ? { exitCode: -1, output: 'spawn bun ENOENT' }
        : { exitCode: 0, output: '' },
    );
    await expect(
      createProject({ directory: 'api', yes: true, pm: 'bun' }, testContext({ cwd, run })),
    ).rejects.toThrow(
      '--pm bun: bun is not installed here (or does not run); install it, choose another --pm, or pass --no-install. Nothing was written.',
    );
    expect(run.calls).toEqual(['bun --version']);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('records the version of a package manager given by flag in package.json', async () => {
    const cwd = await tempDir();
    const run = fakeRunner((command, args) =>
      command === 'pnpm' && args[0] === '--version'
        ? { exitCode: 0, output: '10.4.1\n' }
        : { exitCode: 0, output: '' },
    );
    await createProject(
      { directory: 'api', yes: true, pm: 'pnpm', git: false },
      testContext({ cwd, run }),
    );
    const pkg = JSON.parse(await readFile(path.join(cwd, 'api', 'package.json'), 'utf8'));
    expect(pkg.packageManager).toBe('pnpm@10.4.1');
  });

  it('keeps the project when the install fails and says what to run', async () => {
    const cwd = await tempDir();
    const run = fakeRunner((command) => ({
      exitCode: command === 'npm' ? 1 : 0,
      output: 'ERR! network',
    }));
    const promise = createProject({ directory: 'api', yes: true }, testContext({ cwd, run }));
    await expect(promise).rejects.toThrow(CliError);
    await expect(promise).rejects.toThrow(
      /npm exited with code 1.*run "cd .*api && npm install", then git init -b main && git add -A && git commit -m "Initial commit" \(no git repository was made yet\)\.$/,
    );
    expect(await readdir(path.join(cwd, 'api'))).toContain('package.json');
    expect(run.calls.some((call) => call.startsWith('git'))).toBe(false);
  });

  it('says nothing of git when the install fails with --no-git', async () => {
    const cwd = await tempDir();
    const run = fakeRunner((command) => ({ exitCode: command === 'npm' ? 1 : 0, output: '' }));
    const promise = createProject(
      { directory: 'api', yes: true, git: false },
      testContext({ cwd, run }),
    );
    await expect(promise).rejects.toThrow(/run "cd .*api && npm install"\.$/);
  });

  it('stops the install on a stop signal, keeps the project and says how to finish', async () => {
    const cwd = await tempDir();
    const run = fakeRunner((command, _args, options) => {
      if (command !== 'npm') return { exitCode: 0, output: '' };
      process.emit('SIGHUP', 'SIGHUP');
      expect(options.signal?.aborted).toBe(true);
      return { exitCode: -1, output: 'Command was canceled' };
    });
    const promise = createProject(
      { directory: 'new apps/api', yes: true },
      testContext({ cwd, run }),
    );
    await expect(promise).rejects.toBeInstanceOf(CancelledError);
    await expect(promise).rejects.toThrow(
      /^Cancelled during the install; the project is in .*new apps\/api: run "cd .*new apps\/api. && npm install" to finish it, then git init -b main && git add -A && git commit -m "Initial commit" \(no git repository was made yet\)\.$/,
    );
    expect(run.calls).toEqual(['npm install']);
    expect(await readdir(path.join(cwd, 'new apps/api'))).toContain('package.json');
  });

  it('stops on a stop signal while it creates the database, and says how to finish', async () => {
    const cwd = await tempDir();
    const run = fakeRunner((_command, args) => {
      if (!args.includes('db:migrate')) return { exitCode: 0, output: '' };
      process.emit('SIGINT', 'SIGINT');
      return { exitCode: -1, output: 'Command was canceled' };
    });
    const promise = createProject({ directory: 'api', yes: true }, testContext({ cwd, run }));
    await expect(promise).rejects.toMatchObject({
      exitCode: 130,
      message: expect.stringMatching(
        /^Cancelled after the install; the project is in .*api and its first run does what "npm run db:migrate" did not finish; to make its repository, run "cd .*api && git init -b main && git add -A && git commit -m "Initial commit""\.$/,
      ),
    });
    // Not on to git as if nothing had happened.
    expect(run.calls.some((call) => call.startsWith('git'))).toBe(false);
  });

  it('stops on a stop signal during git, removing the repository it began', async () => {
    const cwd = await tempDir();
    const run = fakeRunner(async (command, args, options) => {
      if (command !== 'git') return { exitCode: 0, output: '' };
      if (args[0] === 'rev-parse') return { exitCode: 128, output: 'not a git repository' };
      if (args[0] === 'init') await mkdir(path.join(cwd, 'api/.git/objects'), { recursive: true });
      if (args[0] === 'add') process.emit('SIGTERM', 'SIGTERM');
      return { exitCode: options.signal?.aborted ? -1 : 0, output: '' };
    });
    const promise = createProject(
      { directory: 'api', yes: true, database: 'none', auth: 'none', install: false },
      testContext({ cwd, run }),
    );
    await expect(promise).rejects.toMatchObject({
      exitCode: 143,
      message: expect.stringMatching(
        /^Cancelled before the first commit; the project is in .*api: run "cd .*api && git init -b main && git add -A && git commit -m "Initial commit"" to finish it\.$/,
      ),
    });
    expect(run.calls.some((call) => call.startsWith('git commit'))).toBe(false);
    const entries = await readdir(path.join(cwd, 'api'));
    expect(entries).toContain('package.json');
    expect(entries).not.toContain('.git');
  });

  it('creates no database without one, and keeps the project when creating it fails', async () => {
    const bare = await tempDir();
    const bareRun = fakeRunner();
    await createProject(
      { directory: 'api', database: 'none', auth: 'none', yes: true, git: false },
      testContext({ cwd: bare, run: bareRun }),
    );
    expect(bareRun.calls).toEqual(['npm install']);

    const cwd = await tempDir();
    const run = fakeRunner((_command, args) =>
      args.includes('db:migrate')
        ? { exitCode: 1, output: 'Error: out of memory' }
        : { exitCode: 0, output: '' },
    );
    const ctx = testContext({ cwd, run });
    const result = await createProject({ directory: 'api', yes: true, git: false }, ctx);
    expect(result.installed).toBe(true);
    expect(ctx.logger.lines.join('\n')).toMatch(
      /"npm run db:migrate" did not finish; the project's first run will do it\./,
    );
  });
});
