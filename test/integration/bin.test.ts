import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../support/context.js';
import { startNpmRegistry } from '../support/npm-registry.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/create-backend.js');

/** Run the built CLI as a user would, without a TTY. */
async function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const cwd = options.cwd ?? (await tempDir());
  const result = await execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'ignore',
    env: { NO_COLOR: '1', ...options.env },
  });
  return { ...result, cwd };
}

describe('create-backend (built, as a process)', () => {
  it('prints help and version the commander way', async () => {
    const help = await cli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--database <value>');
    expect(help.stdout).toMatch(
      /--database <value> +database and ORM: postgres, sqlite, mysql,\s+none/,
    );
    expect(help.stdout).toMatch(/^Usage: create-backend \[options\] \[command\] \[directory\]/);
    expect(help.stdout).toContain('npx create-backend-stack my-app');
    expect(help.stdout).toContain('npm create backend-stack@latest my-app');
    const version = await cli(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints help for "help" (the commander convention) rather than creating a project "help"', async () => {
    const help = await cli(['help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--database <value>');
    expect(await readdir(help.cwd)).toEqual([]);
    const add = await cli(['help', 'add']);
    expect(add.exitCode).toBe(0);
    expect(add.stdout).toContain('Usage: create-backend add [options] [module] [value]');
  });

  it('ends quietly when its reader goes away early (`--help | head -1`)', async () => {
    // A pipe whose reader closed after the first chunk: every later write gets EPIPE.
    const child = execa('node', [BIN, 'list', '--json'], {
      reject: false,
      stdin: 'ignore',
      buffer: { stdout: false },
      env: { NO_COLOR: '1' },
    });
    child.stdout?.once('data', () => child.stdout?.destroy());
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('lists choices, rules and valid combinations as JSON', async () => {
    const { stdout, exitCode } = await cli(['list', '--json']);
    expect(exitCode).toBe(0);
    const catalog = JSON.parse(stdout);
    expect(catalog.options.database.values.map((v: { value: string }) => v.value)).toEqual([
      'postgres',
      'sqlite',
      'mysql',
      'none',
    ]);
    expect(catalog.rules[0].id).toBe('jwt-needs-database');
    expect(catalog.combinations).toHaveLength(2400);
    expect(catalog.resourceFieldTypes).toEqual([
      'string',
      'text',
      'number',
      'integer',
      'boolean',
      'date',
      'enum',
    ]);
  });

  it.each([
    [
      ['app', '--framework', 'koa'],
      'Invalid value "koa" for --framework: use one of express, fastify, hono, nest.',
    ],
    [['app', '--database', 'none', '--auth', 'jwt'], '--auth jwt needs a database'],
    [['app', '--frobnicate'], "unknown option '--frobnicate'"],
    [['My App!'], 'use "my-app" instead'],
    [['bad\u0001name'], 'control character'],
    [['app', '--pm', 'pip'], 'Invalid value "pip" for --pm'],
  ])('refuses %j with one line, exit 1, nothing written', async (args, message) => {
    const { exitCode, stderr, stdout, cwd } = await cli(args);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .+:\d+/);
    expect(stdout).toBe('');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('names the user path, not a staging one, when the filesystem refuses', async () => {
    const cwd = await tempDir();
    await execa('sh', ['-c', 'echo mine > notes'], { cwd });
    const { exitCode, stderr } = await cli(['notes/app', '--yes', '--no-install', '--no-git'], {
      cwd,
    });
    expect(exitCode).toBe(1);
    expect(stderr.trim()).toBe(
      `✖ Could not write ${path.join(cwd, 'notes', 'app')}: part of that path is a file, not a directory; choose another path.`,
    );
    expect(await readdir(cwd)).toEqual(['notes']);
  });

  it('says so in one line when the working directory has been deleted', async () => {
    const cwd = await tempDir();
    const gone = path.join(cwd, 'gone');
    const { exitCode, stderr } = await execa(
      'sh',
      ['-c', `mkdir gone && cd gone && rmdir "${gone}" && exec node "${BIN}" app --yes`],
      { cwd, reject: false, env: { NO_COLOR: '1' } },
    );
    expect(exitCode).toBe(1);
    expect(stderr.trim()).toBe(
      '✖ The current directory no longer exists: cd into an existing directory and run again.',
    );
  });

  it('refuses a non-empty directory without --force and leaves it untouched', async () => {
    const cwd = await tempDir();
    await execa('sh', ['-c', 'mkdir app && echo mine > app/notes.txt'], { cwd });
    const { exitCode, stderr } = await cli(['app', '--yes', '--no-install', '--no-git'], { cwd });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('app is not empty');
    expect(stderr).toContain('--force');
    expect(await readdir(path.join(cwd, 'app'))).toEqual(['notes.txt']);
  });

  it('never prompts without a TTY: prints the resolved choices and creates the project', async () => {
    const { exitCode, stdout, cwd } = await cli(
      ['svc', '--database', 'none', '--no-install', '--no-git'],
      {
        env: { CI: 'true' },
      },
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain(
      'framework=express database=none auth=none cache=none deploy=docker ci=github observability=none pm=npm',
    );
    expect(stdout).toContain('cd svc');
    expect(stdout).toContain('npx create-backend-stack add <module>');
    expect(await readdir(path.join(cwd, 'svc'))).toContain('create-backend.json');
  });

  it('--dry-run --json prints the plan on stdout and writes nothing', async () => {
    const { exitCode, stdout, cwd } = await cli(['svc', '--dry-run', '--json']);
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ name: 'svc', dryRun: true, options: { database: 'postgres' } });
    expect(result.files).toContain('src/app.ts');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses a package manager that is not installed, before writing anything', async () => {
    const { exitCode, stderr, cwd } = await cli(['svc', '--yes', '--no-git', '--pm', 'pnpm'], {
      // No pnpm on PATH.
      env: { PATH: path.dirname(process.execPath) },
    });
    expect(exitCode).toBe(1);
    expect(stderr.trim()).toBe(
      '✖ --pm pnpm: pnpm is not installed here (or does not run); install it, choose another --pm, or pass --no-install. Nothing was written.',
    );
    expect(await readdir(cwd)).toEqual([]);
  });

  it('reports a failed install in one line with the command to run, keeping the project', async () => {
    // A registry with no packages (whatever listens on a fixed port of this machine does not
    // decide the outcome): every package is a 404 and the install fails at once.
    const registry = await startNpmRegistry();
    onTestFinished(() => registry.close());
    const { exitCode, stderr, cwd } = await cli(['svc', '--yes', '--no-git'], {
      env: {
        npm_config_registry: registry.url,
        npm_config_fetch_retries: '0',
        npm_config_prefer_online: 'true',
        npm_config_cache: path.join(await tempDir(), 'npm-cache'),
      },
    });
    expect(exitCode).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toMatch(
      /Installing dependencies failed \(npm exited with code 1\); the project is ready in .*svc: run "cd .*svc && npm install"\./,
    );
    expect(await readdir(path.join(cwd, 'svc'))).toContain('package.json');
    expect(registry.requests.length).toBeGreaterThan(0);
  });
});

// A shell-script npm and process groups: POSIX only.
describe.skipIf(process.platform === 'win32')('create-backend, stopped during the install', () => {
  it('stops the install on SIGQUIT as on SIGINT, and exits 131', async () => {
    const cwd = await tempDir();
    const bin = await tempDir();
    const started = path.join(bin, 'started');
    const pidFile = path.join(bin, 'npm.pid');
    await writeFile(
      path.join(bin, 'npm'),
      `#!/bin/sh\necho $$ > '${pidFile}'\ntouch '${started}'\nexec sleep 60\n`,
    );
    await chmod(path.join(bin, 'npm'), 0o755);
    const run = execa(
      'node',
      [BIN, 'svc', '--yes', '--no-git', '--database', 'none', '--auth', 'none'],
      {
        cwd,
        reject: false,
        stdin: 'ignore',
        env: { NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` },
      },
    );
    for (let waited = 0; !existsSync(started); waited += 50) {
      if (waited > 20_000) throw new Error('the install did not start');
      await sleep(50);
    }
    run.kill('SIGQUIT');
    const result = await run;
    expect(result.exitCode).toBe(131);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(
      /^✖ Cancelled during the install; the project is in .*svc: run "cd .*svc && npm install" to finish it\.$/,
    );
    // The install was stopped, not left running in the project.
    const npm = Number(await readFile(pidFile, 'utf8'));
    expect(() => process.kill(npm, 0)).toThrow();
  });
});

// `script` (util-linux) gives the CLI a terminal, so it prompts as it does for a person.
const hasScript = (await execa('script', ['--version'], { reject: false })).exitCode === 0;

describe.skipIf(!hasScript)('create-backend in a terminal', () => {
  it('treats Ctrl-D at a prompt as a cancellation: says so, exits 130, writes nothing', async () => {
    const cwd = await tempDir();
    const run = execa('script', ['-qfec', `node ${BIN}`, '/dev/null'], {
      cwd,
      reject: false,
      // CI=true (as in CI) would make it take the defaults instead of asking.
      env: { NO_COLOR: '1', TERM: 'xterm', CI: '' },
    });
    // Once the first question is on screen, end the input as Ctrl-D does.
    await new Promise<void>((resolve) => {
      run.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('?')) resolve();
      });
      run.finally(resolve);
    });
    run.stdin?.write('\x04');
    const result = await run;
    expect(result.exitCode).toBe(130);
    expect(result.stdout).toContain('Cancelled');
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    'treats %s at a prompt as a cancellation: cursor back, says so, exits %i',
    async (signal, code) => {
      const cwd = await tempDir();
      // `exec` keeps the shell's process id, which it prints first: the CLI's own.
      const run = execa(
        'script',
        ['-qfec', `sh -c 'echo "pid=$$"; exec node ${BIN}'`, '/dev/null'],
        {
          cwd,
          reject: false,
          env: { NO_COLOR: '1', TERM: 'xterm', CI: '' },
        },
      );
      let screen = '';
      const pid = await new Promise<number>((resolve, reject) => {
        run.stdout?.on('data', (chunk: Buffer) => {
          screen += chunk.toString();
          const found = /pid=(\d+)/.exec(screen);
          if (found && screen.includes('?')) resolve(Number(found[1]));
        });
        run.finally(() => reject(new Error(`ended before its first question: ${screen}`)));
      });
      process.kill(pid, signal);
      const result = await run;
      expect(result.exitCode).toBe(code);
      // The prompt hid the cursor; it shows it again before the line.
      const shown = result.stdout.lastIndexOf('\u001b[?25h');
      expect(shown).toBeGreaterThan(-1);
      expect(result.stdout.slice(shown)).toContain('Cancelled');
      expect(await readdir(cwd)).toEqual([]);
    },
  );
});
