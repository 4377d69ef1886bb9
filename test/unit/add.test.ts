import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addModule } from '../../src/commands/add.js';
import { createProject } from '../../src/commands/create.js';
import { CancelledError, CliError } from '../../src/errors.js';
import { fakeRunner, scriptedPrompter, tempDir, testContext } from '../support/context.js';

/** A freshly created project without database, auth, Docker or CI. */
async function minimalProject(): Promise<string> {
  const cwd = await tempDir();
  await createProject(
    {
      directory: 'app',
      database: 'none',
      auth: 'none',
      deploy: 'none',
      ci: 'none',
      install: false,
      git: false,
    },
    testContext({ cwd }),
  );
  return path.join(cwd, 'app');
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = await Promise.all(
    files
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, full), await readFile(full, 'utf8')] as const;
      }),
  );
  return Object.fromEntries(entries);
}

const edit = async (dir: string, file: string, change: (text: string) => string) =>
  writeFile(path.join(dir, file), change(await readFile(path.join(dir, file), 'utf8')));

describe('add', () => {
  it('refuses to run outside a generated project', async () => {
    const cwd = await tempDir();
    await expect(addModule({ module: 'database' }, testContext({ cwd }))).rejects.toThrow(
      /No create-backend.json in .* or its parents: run this inside a project created by create-backend\./,
    );
  });

  it('refuses before asking when nothing it could ask for fits: auth without a database', async () => {
    const dir = await minimalProject();
    const prompter = scriptedPrompter([]);
    await expect(
      addModule({ module: 'auth' }, testContext({ cwd: dir, prompter, run: fakeRunner() })),
    ).rejects.toThrow(/^auth jwt needs a database: run ".* add database postgres" first/);
    expect(prompter.asked).toEqual([]);
  });

  it('on its own, asks what to add among what the project can still take, then which one', async () => {
    const dir = await minimalProject();
    const prompter = scriptedPrompter(['ci', 'gitlab']);
    const result = await addModule(
      { install: false },
      testContext({ cwd: dir, prompter, run: fakeRunner() }),
    );
    expect(prompter.asked).toEqual([
      {
        kind: 'select',
        message: 'What should be added?',
        options: ['database', 'cache', 'deploy', 'ci', 'observability'],
        disabled: ['auth: needs a database', 'resource: needs a database'],
      },
      { kind: 'select', message: 'Which CI?', options: ['github', 'gitlab'] },
    ]);
    expect(result).toMatchObject({ module: 'ci', value: 'gitlab' });
  });

  it('on its own without a person to ask, names the modules in one line and changes nothing', async () => {
    const dir = await minimalProject();
    const before = await snapshot(dir);
    await expect(addModule({}, testContext({ cwd: dir }))).rejects.toThrow(
      /^Name what to add: npx create-backend-stack add <module>, with one of database, auth, cache, deploy, ci, observability, resource\.$/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('run from a subdirectory, works on the project around it, as git does', async () => {
    const dir = await minimalProject();
    const result = await addModule(
      { module: 'ci', value: 'github', install: false },
      testContext({ cwd: path.join(dir, 'src'), run: fakeRunner() }),
    );
    expect(result).toMatchObject({ module: 'ci', value: 'github' });
    expect(await readFile(path.join(dir, '.github/workflows/ci.yml'), 'utf8')).toContain('jobs:');
    await expect(readdir(path.join(dir, 'src/.github'))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    [
      { module: 'kafka' },
      'Unknown module "kafka": use one of database, auth, cache, deploy, ci, observability, resource (or a value such as postgres, sqlite, mysql, jwt, better-auth, redis, docker, kubernetes, fly, render, github, gitlab, otel).',
    ],
    [
      { module: 'none' },
      'Unknown module "none": use one of database, auth, cache, deploy, ci, observability, resource (or a value such as postgres, sqlite, mysql, jwt, better-auth, redis, docker, kubernetes, fly, render, github, gitlab, otel).',
    ],
    [
      { module: 'docker', value: 'kubernetes' },
      '"add docker" already names deploy docker: drop "kubernetes", or run "npx create-backend-stack add deploy kubernetes".',
    ],
    [
      // Not a value of cache: no command to run, least of all one that carries it to a shell.
      { module: 'redis', value: 'x; rm -rf ~' },
      '"add redis" already names cache redis: drop "x; rm -rf ~".',
    ],
    [
      { module: 'resource', value: 'invoice', fields: 'title:string' },
      'A resource needs a database: run "npx create-backend-stack add database postgres" first.',
    ],
    [
      { module: 'database', fields: 'title:string' },
      '--fields and --plural are for "add resource", not "add database": drop them, or add a resource.',
    ],
    [
      { module: 'database', value: 'oracle' },
      'Invalid value "oracle" for database: use one of postgres, sqlite, mysql.',
    ],
    [
      { module: 'auth', value: 'jwt' },
      'auth jwt needs a database: run "npx create-backend-stack add database postgres" first (or sqlite, mysql).',
    ],
  ])('refuses %j with one line and changes nothing', async (input, message) => {
    const dir = await minimalProject();
    const before = await snapshot(dir);
    await expect(addModule(input, testContext({ cwd: dir }))).rejects.toThrow(
      new CliError(message),
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('adds a database: new files, woven edits, merged package.json, new env vars, manifest', async () => {
    const dir = await minimalProject();
    await edit(dir, 'src/app.ts', (text) =>
      text.replace('  return app;\n}', '  app.locals.mine = true;\n  return app;\n}'),
    );
    await edit(dir, '.env', (text) => text.replace('PORT=3000', 'PORT=4000'));
    const run = fakeRunner();
    const result = await addModule(
      { module: 'database', value: 'postgres' },
      testContext({ cwd: dir, run }),
    );

    expect(run.calls).toEqual(['npm install']);
    expect(result.changes).toContainEqual({ path: 'src/app.ts', kind: 'merge' });
    expect(result.changes).toContainEqual({ path: 'src/db/client.ts', kind: 'create' });
    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('app.locals.mine = true;');
    expect(app).toContain('todosRouter');
    const env = await readFile(path.join(dir, '.env'), 'utf8');
    expect(env).toContain('PORT=4000');
    expect(env).toMatch(/^DATABASE_URL=pglite:\.data\/dev$/m);
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies['drizzle-orm']).toBeDefined();
    const manifest = JSON.parse(await readFile(path.join(dir, 'create-backend.json'), 'utf8'));
    expect(manifest.options.database).toBe('postgres');
    expect(manifest.modules).toContain('resource');
    expect(manifest.resources).toEqual([
      { name: 'todo', plural: 'todos', fields: 'title:string,done:boolean' },
    ]);
    const journal = JSON.parse(
      await readFile(path.join(dir, 'drizzle/meta/_journal.json'), 'utf8'),
    );
    expect(journal.entries.map((entry: { tag: string }) => entry.tag)).toEqual(['0000_todos']);
  });

  it("puts the new variables in .env and .env.example in a block of their own, below the user's", async () => {
    const dir = await minimalProject();
    const mine = '\n# my own setting\nMY_VAR=1\n';
    await edit(dir, '.env', (text) => `${text}${mine}`);
    await edit(dir, '.env.example', (text) => `${text}${mine}`);
    const env = await readFile(path.join(dir, '.env'), 'utf8');
    const example = await readFile(path.join(dir, '.env.example'), 'utf8');
    await addModule({ module: 'redis', install: false }, testContext({ cwd: dir }));

    expect(await readFile(path.join(dir, '.env'), 'utf8')).toBe(
      `${env}\n# Redis settings added by create-backend. See .env.example.\nREDIS_URL=\n`,
    );
    const exampleAfter = await readFile(path.join(dir, '.env.example'), 'utf8');
    expect(exampleAfter.startsWith(example), exampleAfter).toBe(true);
    expect(exampleAfter.slice(example.length)).toMatch(/^\n# redis:\/\/.*\nREDIS_URL=\n$/);
    const again = await addModule({ module: 'redis' }, testContext({ cwd: dir }));
    expect(again.changes).toEqual([]);
  });

  it('adds Redis by its name: the connection, the shared limits, REDIS_URL left empty', async () => {
    const dir = await minimalProject();
    await edit(dir, 'src/app.ts', (text) =>
      text.replace('  return app;\n}', '  app.locals.mine = true;\n  return app;\n}'),
    );
    const run = fakeRunner();
    const result = await addModule({ module: 'redis' }, testContext({ cwd: dir, run }));

    expect(result).toMatchObject({ module: 'cache', value: 'redis', installed: true });
    expect(run.calls).toEqual(['npm install']);
    expect(result.changes).toContainEqual({ path: 'src/redis/client.ts', kind: 'create' });
    expect(result.changes).toContainEqual({ path: 'src/app.ts', kind: 'merge' });
    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('app.locals.mine = true;');
    expect(app).toContain('shared("api")');
    expect(await readFile(path.join(dir, '.env'), 'utf8')).toMatch(/^REDIS_URL=$/m);
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['ioredis', 'rate-limit-redis']),
    );
    const manifest = JSON.parse(await readFile(path.join(dir, 'create-backend.json'), 'utf8'));
    expect(manifest.options.cache).toBe('redis');
    expect(manifest.modules).toContain('redis');

    const again = await addModule({ module: 'cache' }, testContext({ cwd: dir }));
    expect(again.changes).toEqual([]);
  });

  it('says what to do next for a module that needs it, such as a MySQL server', async () => {
    const dir = await minimalProject();
    const ctx = testContext({ cwd: dir });
    await addModule({ module: 'database', value: 'mysql', install: false }, ctx);
    expect(ctx.logger.lines.join('\n')).toMatch(/Next: .*Point DATABASE_URL in \.env at a MySQL/);
  });

  it('is harmless the second time', async () => {
    const dir = await minimalProject();
    await addModule({ module: 'ci', value: 'github' }, testContext({ cwd: dir }));
    const before = await snapshot(dir);
    const ctx = testContext({ cwd: dir });
    const again = await addModule({ module: 'ci' }, ctx);
    expect(again.changes).toEqual([]);
    expect(ctx.logger.lines.join('\n')).toContain('already has ci github');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses before writing anything when an edit conflicts, and explains --force', async () => {
    const dir = await minimalProject();
    // The database module changes this line too: it adds its readiness check.
    await edit(dir, 'src/app.ts', (text) =>
      text.replace(
        'app.use(healthRouter(registry, []));',
        'app.use(healthRouter(registry, [async () => "mine"]));',
      ),
    );
    const before = await snapshot(dir);
    await expect(addModule({ module: 'database' }, testContext({ cwd: dir }))).rejects.toThrow(
      /would overwrite your edits in src\/app\.ts; nothing was changed \(re-run with --dry-run to see the clashes\)\..*--force/,
    );
    expect(await snapshot(dir)).toEqual(before);

    // A dry run shows the clash with git's markers, then refuses the same way.
    const dry = testContext({ cwd: dir });
    await expect(addModule({ module: 'database', dryRun: true }, dry)).rejects.toThrow(
      /src\/app\.ts; nothing was changed \(the clashes are marked above\)/,
    );
    expect(dry.logger.lines.join('\n')).toContain(
      [
        '+<<<<<<< yours',
        '   app.use(healthRouter(registry, [async () => "mine"]));',
        '+=======',
        '+  app.use(healthRouter(registry, [database.ping]));',
        '+>>>>>>> generated',
      ].join('\n'),
    );
    expect(await snapshot(dir)).toEqual(before);

    await addModule({ module: 'database', force: true, install: false }, testContext({ cwd: dir }));
    expect(await readFile(path.join(dir, 'src/app.ts.orig'), 'utf8')).toBe(before['src/app.ts']);
    expect(await readFile(path.join(dir, 'src/app.ts'), 'utf8')).toContain('todosRouter');
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = await minimalProject();
    const before = await snapshot(dir);
    const ctx = testContext({ cwd: dir });
    const result = await addModule({ module: 'deploy', dryRun: true }, ctx);
    expect(result.changes).toContainEqual({ path: 'Dockerfile', kind: 'create' });
    expect(ctx.logger.lines.join('\n')).toMatch(/^\+\+\+ b\/Dockerfile$/m);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('retries an install once with fresh registry metadata when npm reports ETARGET', async () => {
    const dir = await minimalProject();
    const run = fakeRunner((_command, args) =>
      args.includes('--prefer-online')
        ? { exitCode: 0, output: '' }
        : { exitCode: 1, output: 'npm error code ETARGET\nnpm error notarget No matching version' },
    );
    const result = await addModule({ module: 'database' }, testContext({ cwd: dir, run }));
    expect(run.calls).toEqual(['npm install', 'npm install --prefer-online --no-prefer-offline']);
    expect(result.installed).toBe(true);
  });

  it('leaves the project exactly as it was when the install fails', async () => {
    const dir = await minimalProject();
    await writeFile(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
    const before = await snapshot(dir);
    const run = fakeRunner(() => ({ exitCode: 1, output: 'npm ERR! 404' }));
    await expect(addModule({ module: 'database' }, testContext({ cwd: dir, run }))).rejects.toThrow(
      /Installing dependencies failed, so nothing was changed/,
    );
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('add, on a project it cannot take at its word', () => {
  const editManifest = (dir: string, change: (manifest: Record<string, unknown>) => void) =>
    edit(dir, 'create-backend.json', (text) => {
      const manifest = JSON.parse(text);
      change(manifest);
      return JSON.stringify(manifest);
    });

  it.each([
    [
      'a manifest from a newer version',
      (dir: string) =>
        editManifest(dir, (m) => {
          m.version = '99.1.0';
          (m.options as Record<string, string>).database = 'cassandra';
        }),
      /made by create-backend-stack 99\.1\.0, newer than this one \(.+\): run "npx create-backend-stack@99\.1\.0" instead, or upgrade\./,
    ],
    [
      'a hand-edited manifest that breaks the rules',
      (dir: string) =>
        editManifest(dir, (m) => {
          (m.options as Record<string, string>).auth = 'jwt';
        }),
      /create-backend\.json records auth jwt with database none, which cannot work together: restore it/,
    ],
    [
      'a hand-edited resource in the manifest',
      (dir: string) =>
        editManifest(dir, (m) => {
          m.resources = [{ name: 'zed', fields: 'label:strin' }];
        }),
      'create-backend.json records resource "zed" with fields "label:strin", which this version cannot generate (Invalid field "label:strin" in --fields: unknown type "strin"; use one of string, text, number, integer, boolean, date, enum); if it was edited by hand, restore it from version control.',
    ],
    [
      // update and an older project's add run the package of the recorded version: a path
      // there would run whatever the project's author put at it.
      'a hand-edited version that is a path',
      (dir: string) =>
        editManifest(dir, (m) => {
          m.version = '../../../../tmp/evil';
        }),
      'create-backend.json records version "../../../../tmp/evil", which is not a create-backend-stack version: restore it from version control.',
    ],
    [
      'a hand-edited version naming another package',
      (dir: string) =>
        editManifest(dir, (m) => {
          m.version = 'npm:evil@1.0.0';
        }),
      /records version "npm:evil@1\.0\.0", which is not a create-backend-stack version/,
    ],
    [
      // The baseline is generated into a directory of that name.
      'a hand-edited name that is a path',
      (dir: string) =>
        editManifest(dir, (m) => {
          m.name = '../../outside';
        }),
      'create-backend.json records name "../../outside", which is not a valid npm package name (it starts with "." or "_"): restore it from version control.',
    ],
    [
      'a package.json that is not JSON',
      (dir: string) => writeFile(path.join(dir, 'package.json'), '{"name": "app",\n'),
      /^package\.json is not valid JSON \(.+\): fix it, or restore it \(e\.g\. git checkout -- package\.json\), and run again\.$/,
    ],
    [
      'a package.json that is not an object',
      (dir: string) => writeFile(path.join(dir, 'package.json'), '[1]\n'),
      'package.json does not hold an object, so new dependencies cannot be recorded in it: restore it (e.g. git checkout -- package.json) and run again.',
    ],
    [
      'a deleted package.json',
      (dir: string) => rm(path.join(dir, 'package.json')),
      /package\.json is missing, so new dependencies would be recorded nowhere: restore it/,
    ],
  ])('refuses %s, changing nothing', async (_name, damage, message) => {
    const dir = await minimalProject();
    await damage(dir);
    const before = await snapshot(dir);
    await expect(addModule({ module: 'cache' }, testContext({ cwd: dir }))).rejects.toThrow(
      message,
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses to recreate a file it must change that the user renamed, unless forced', async () => {
    const dir = await minimalProject();
    await rename(path.join(dir, 'src/app.ts'), path.join(dir, 'src/application.ts'));
    const before = await snapshot(dir);
    await expect(addModule({ module: 'database' }, testContext({ cwd: dir }))).rejects.toThrow(
      /changes src\/app\.ts, which is missing \(renamed or deleted\?\); nothing was changed\. Put it back \(e\.g\. git checkout -- src\/app\.ts\), or re-run with --force/,
    );
    expect(await snapshot(dir)).toEqual(before);
    await addModule({ module: 'database', force: true, install: false }, testContext({ cwd: dir }));
    expect(await readFile(path.join(dir, 'src/app.ts'), 'utf8')).toContain('todosRouter');
  });

  it('keeps every earlier .orig copy when --force replaces a conflicting file again', async () => {
    const dir = await minimalProject();
    await writeFile(path.join(dir, 'src/app.ts.orig'), 'an earlier copy\n');
    await edit(dir, 'src/app.ts', (text) =>
      text.replace(
        'app.use(healthRouter(registry, []));',
        'app.use(healthRouter(registry, [async () => "mine"]));',
      ),
    );
    const edited = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    await addModule({ module: 'database', force: true, install: false }, testContext({ cwd: dir }));
    expect(await readFile(path.join(dir, 'src/app.ts.orig'), 'utf8')).toBe('an earlier copy\n');
    expect(await readFile(path.join(dir, 'src/app.ts.orig.1'), 'utf8')).toBe(edited);
  });

  it('sees no edit in files checked out with CRLF line endings, and keeps their endings', async () => {
    const dir = await minimalProject();
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    await edit(dir, 'src/app.ts', crlf);
    const result = await addModule(
      { module: 'database', install: false },
      testContext({ cwd: dir }),
    );
    expect(result.changes).toContainEqual({ path: 'src/app.ts', kind: 'update' });
    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('todosRouter');
    expect(app.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

describe('add, interrupted', () => {
  /** A runner whose install is stopped by `signal` as a real one is: the program is killed. */
  const interruptedInstall = (signal: NodeJS.Signals) =>
    fakeRunner((_command, _args, options) => {
      process.emit(signal, signal);
      expect(options.signal?.aborted).toBe(true);
      return { exitCode: -1, output: 'Command was canceled' };
    });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)(
    'puts everything back when %s stops the install, and says so (exit code %i)',
    async (signal, exitCode) => {
      const dir = await minimalProject();
      await mkdir(path.join(dir, 'node_modules/some-package'), { recursive: true });
      await writeFile(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
      const before = await snapshot(dir);
      const run = interruptedInstall(signal);
      const error = await addModule({ module: 'database' }, testContext({ cwd: dir, run })).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(CancelledError);
      expect(error).toMatchObject({ exitCode, message: 'Cancelled: nothing was changed.' });
      expect(await snapshot(dir)).toEqual(before);
      expect(await readdir(path.join(dir, 'node_modules'))).toEqual(['some-package']);
    },
  );

  it('refuses to run beside another add in the same project, changing nothing', async () => {
    const dir = await minimalProject();
    await writeFile(path.join(dir, 'create-backend.lock'), `${process.pid}\n`);
    const before = await snapshot(dir);
    await expect(
      addModule({ module: 'cache', value: 'redis' }, testContext({ cwd: dir })),
    ).rejects.toThrow(/^Another create-backend run \(process \d+\) is changing this project/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('stops before writing when the signal comes while it plans, and lets go of the lock', async () => {
    const dir = await minimalProject();
    const before = await snapshot(dir);
    const prompter = scriptedPrompter(['sqlite']);
    const ask = prompter.select;
    prompter.select = (question) => {
      process.emit('SIGTERM', 'SIGTERM');
      return ask(question);
    };
    const error = await addModule(
      { module: 'database' },
      testContext({ cwd: dir, prompter }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ exitCode: 143, message: 'Cancelled: nothing was changed.' });
    // The lock is gone with the run: the next one has nothing to take over.
    expect(await snapshot(dir)).toEqual(before);
  });

  it('finishes, and says so, when the stop comes once the install is done', async () => {
    const dir = await minimalProject();
    const run = fakeRunner(async (command) => {
      if (command === 'npm') {
        // The install brings Biome, which then formats the new files.
        await mkdir(path.join(dir, 'node_modules/.bin'), { recursive: true });
        await writeFile(path.join(dir, 'node_modules/.bin/biome'), '');
      } else {
        process.emit('SIGINT', 'SIGINT');
      }
      return { exitCode: 0, output: '' };
    });
    const ctx = testContext({ cwd: dir, run });
    const result = await addModule({ module: 'cache', value: 'redis' }, ctx);
    expect(run.calls).toEqual([
      'npm install',
      expect.stringMatching(/node_modules\/\.bin\/biome check --write/),
    ]);
    expect(result.installed).toBe(true);
    expect(ctx.logger.lines.join('\n')).toMatch(/Interrupted once the install had finished/);
    const manifest = JSON.parse(await readFile(path.join(dir, 'create-backend.json'), 'utf8'));
    expect(manifest.options.cache).toBe('redis');
  });
});

describe('add, after a run killed outright', () => {
  /** Process ids are below 2^22 on Linux: this one cannot be running. */
  const GONE = 2147483646;

  it('keeps the changes of a run killed while its formatter ran, which it does not take for edits', async () => {
    const dir = await minimalProject();
    const killed = path.join(path.dirname(dir), 'killed');
    const run = fakeRunner(async (command) => {
      if (command === 'npm') {
        await mkdir(path.join(dir, 'node_modules/.bin'), { recursive: true });
        await writeFile(path.join(dir, 'node_modules/.bin/biome'), '');
      } else {
        // Biome, halfway through its rewrites when the run is killed.
        await edit(dir, 'src/app.ts', (text) => `${text}\n`);
        await cp(dir, killed, { recursive: true, verbatimSymlinks: true });
      }
      return { exitCode: 0, output: '' };
    });
    await addModule({ module: 'cache', value: 'redis' }, testContext({ cwd: dir, run }));
    const lock = path.join(killed, 'create-backend.lock');
    const record = JSON.parse(await readFile(lock, 'utf8'));
    expect(record).toMatchObject({ formatting: true });
    await writeFile(lock, JSON.stringify({ ...record, pid: GONE }));
    const added = await snapshot(killed);

    const ctx = testContext({ cwd: killed });
    await addModule({ module: 'cache', value: 'redis', install: false }, ctx);
    expect(ctx.logger.lines[0]).toBe(
      `An interrupted run (process ${GONE}) was stopped while it formatted the files it had written; its changes stand: run the project's "format" script to finish.`,
    );
    const leftovers = (name: string) => name.includes('create-backend-') || name.endsWith('.lock');
    expect((await readdir(killed)).filter(leftovers)).toEqual([]);
    const kept = Object.fromEntries(
      Object.entries(added).filter(
        ([file]) => !file.startsWith('.create-backend-') && !leftovers(file),
      ),
    );
    expect(await snapshot(killed)).toEqual(kept);
  });

  it('keeps what a run killed while it committed had finished, and removes what it left', async () => {
    const dir = await minimalProject();
    await addModule({ module: 'cache', value: 'redis', install: false }, testContext({ cwd: dir }));
    const added = await snapshot(dir);
    // The commit removes the journal first, then the rest: killed in between, the backups of
    // the replaced files are still there, and must not be put back over the finished work.
    const work = '.create-backend-0123456789ab';
    await mkdir(path.join(dir, work, 'backup/src'), { recursive: true });
    await writeFile(path.join(dir, work, 'backup/src/app.ts'), 'the version before\n');
    await writeFile(path.join(dir, 'create-backend.lock'), JSON.stringify({ pid: GONE, work }));
    const ctx = testContext({ cwd: dir });
    await addModule({ module: 'cache', value: 'redis', install: false }, ctx);
    expect(ctx.logger.lines[0]).toBe(
      `Removed ${work}, which an interrupted run (process ${GONE}) left; nothing needed putting back.`,
    );
    expect(await snapshot(dir)).toEqual(added);
    expect((await readdir(dir)).filter((name) => name.includes('create-backend-'))).toEqual([]);
  });

  /**
   * A minimal project with node_modules and a lockfile, and a copy of it as `add cache redis`
   * left it when killed (SIGKILL: nothing undone) during its install, after the orphaned
   * install had started a new node_modules and rewritten the lockfile.
   */
  async function killedDuringInstall(): Promise<{ dir: string; killed: string }> {
    const dir = await minimalProject();
    await mkdir(path.join(dir, 'node_modules/some-package'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules/some-package/index.js'), 'export {};\n');
    await writeFile(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
    const killed = path.join(path.dirname(dir), 'killed');
    const run = fakeRunner(async () => {
      await cp(dir, killed, { recursive: true, verbatimSymlinks: true });
      return { exitCode: 1, output: 'stopped' };
    });
    await addModule({ module: 'cache', value: 'redis' }, testContext({ cwd: dir, run })).catch(
      () => {},
    );
    const lock = path.join(killed, 'create-backend.lock');
    const record = JSON.parse(await readFile(lock, 'utf8'));
    expect(record).toMatchObject({ work: expect.stringMatching(/^\.create-backend-/) });
    await writeFile(lock, JSON.stringify({ ...record, pid: GONE }));
    await mkdir(path.join(killed, 'node_modules/half-installed'), { recursive: true });
    await writeFile(path.join(killed, 'package-lock.json'), '{"lockfileVersion":3,"new":1}\n');
    return { dir, killed };
  }

  it('puts back the files, node_modules and lockfile it left, says so, then runs', async () => {
    const { dir, killed } = await killedDuringInstall();
    expect(await readdir(killed)).toEqual(
      expect.arrayContaining(['.create-backend-node_modules', 'create-backend.lock']),
    );
    const ctx = testContext({ cwd: killed });
    await addModule({ module: 'cache', value: 'redis', install: false }, ctx);
    expect(ctx.logger.lines[0]).toMatch(
      new RegExp(
        `^Undid what an interrupted run \\(process ${GONE}\\) left halfway: \\d+ files and node_modules put back as they were\\.$`,
      ),
    );
    // The same as the same add on the project the killed run started from.
    await addModule({ module: 'cache', value: 'redis', install: false }, testContext({ cwd: dir }));
    expect(await snapshot(killed)).toEqual(await snapshot(dir));
    expect((await readdir(killed)).filter((name) => name.includes('create-backend-'))).toEqual([]);
    expect(await readdir(path.join(killed, 'node_modules'))).toEqual(['some-package']);
  });

  it('refuses with one line, changing nothing, when a file it wrote was edited since', async () => {
    const { killed } = await killedDuringInstall();
    await edit(killed, 'create-backend.json', (text) => `${text}\n`);
    const before = await snapshot(killed);
    const error = await addModule(
      { module: 'observability', value: 'otel', install: false },
      testContext({ cwd: killed }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    const { message } = error as CliError;
    expect(message).not.toContain('\n');
    const work = JSON.parse(await readFile(path.join(killed, 'create-backend.lock'), 'utf8')).work;
    expect(message).toBe(
      `An interrupted run (process ${GONE}) left ${work}, .create-backend-node_modules, which cannot be put back safely (create-backend.json was changed after it); nothing was changed. To put back what it replaced: rm -rf node_modules && mv .create-backend-node_modules node_modules && cp -R ${work}/backup/. . && rm -rf ${work} create-backend.lock (files it added stay: see git status).`,
    );
    expect(await snapshot(killed)).toEqual(before);
    expect(await readdir(path.join(killed, 'node_modules'))).toEqual(['half-installed']);
  });

  it('refuses leftovers its lock does not name (a lock of an older version)', async () => {
    const { killed } = await killedDuringInstall();
    await writeFile(path.join(killed, 'create-backend.lock'), `${GONE}\n`);
    const before = await snapshot(killed);
    await expect(
      addModule({ module: 'cache', value: 'redis', install: false }, testContext({ cwd: killed })),
    ).rejects.toThrow(
      /^An interrupted run \(process 2147483646\) left \.create-backend-\w+, \.create-backend-node_modules, which cannot be put back safely \(its lock does not name \.create-backend-\w+\); nothing was changed\./,
    );
    expect(await snapshot(killed)).toEqual(before);
  });
});

/** A created project with postgres and the given auth; no install, no git. */
async function databaseProject(auth: 'jwt' | 'none'): Promise<string> {
  const cwd = await tempDir();
  await createProject(
    { directory: 'app', auth, deploy: 'none', ci: 'none', install: false, git: false },
    testContext({ cwd }),
  );
  return path.join(cwd, 'app');
}

const invoice = {
  module: 'resource',
  value: 'invoice',
  fields: 'title:string,amount:number,paid:boolean,dueAt:date,status:enum(draft|sent)?',
};

describe('add resource', () => {
  it('adds the modules, a migration after the existing ones, the wiring and the manifest entry', async () => {
    const dir = await databaseProject('jwt');
    const run = fakeRunner();
    const result = await addModule(invoice, testContext({ cwd: dir, run }));

    expect(result.resources.map((resource) => resource.name)).toEqual(['todo', 'invoice']);
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { path: 'drizzle/0002_invoices.sql', kind: 'create' },
        { path: 'drizzle/meta/0002_snapshot.json', kind: 'create' },
        { path: 'drizzle/meta/_journal.json', kind: 'update' },
        { path: 'src/modules/invoices/invoice.schemas.ts', kind: 'create' },
        { path: 'src/modules/invoices/invoices.routes.ts', kind: 'create' },
        { path: 'test/modules/invoices/invoices.http.test.ts', kind: 'create' },
        { path: 'src/app.ts', kind: 'update' },
        { path: 'src/container.ts', kind: 'update' },
      ]),
    );
    // Nothing to install, and Biome is not installed in this project to format with.
    expect(run.calls).toEqual([]);

    const sql = await readFile(path.join(dir, 'drizzle/0002_invoices.sql'), 'utf8');
    expect(sql).toContain('CREATE TYPE "public"."invoice_status" AS ENUM(\'draft\', \'sent\');');
    expect(sql).toContain('"owner_id" uuid NOT NULL');
    expect(sql).toContain('"due_at" timestamp (3) with time zone NOT NULL');
    expect(sql).toContain('"status" "invoice_status",');
    const journal = JSON.parse(
      await readFile(path.join(dir, 'drizzle/meta/_journal.json'), 'utf8'),
    );
    expect(journal.entries.map((entry: { tag: string }) => entry.tag)).toEqual([
      '0000_auth',
      '0001_todos',
      '0002_invoices',
    ]);
    expect(journal.entries[2].when).toBe(Date.UTC(2026, 10, 21));
    const snapshotFile = JSON.parse(
      await readFile(path.join(dir, 'drizzle/meta/0002_snapshot.json'), 'utf8'),
    );
    const previous = JSON.parse(
      await readFile(path.join(dir, 'drizzle/meta/0001_snapshot.json'), 'utf8'),
    );
    expect(snapshotFile.prevId).toBe(previous.id);
    expect(Object.keys(snapshotFile.tables).sort()).toEqual([
      'public.invoices',
      'public.refresh_tokens',
      'public.todos',
      'public.users',
    ]);

    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('app.use("/api/v1/invoices", invoicesRouter(registry, services));');
    const manifest = JSON.parse(await readFile(path.join(dir, 'create-backend.json'), 'utf8'));
    expect(manifest.resources).toContainEqual({
      name: 'invoice',
      plural: 'invoices',
      fields: 'title:string,amount:number,paid:boolean,dueAt:date,status:enum(draft|sent)?',
    });
    expect(manifest.files['drizzle/0000_auth.sql']).toBeDefined();
    expect(manifest.files['drizzle/0002_invoices.sql']).toBeDefined();
  });

  it("keeps the user's edits to the files it wires the resource into", async () => {
    const dir = await databaseProject('none');
    await edit(dir, 'src/app.ts', (text) =>
      text.replace('  return app;\n}', '  app.locals.mine = true;\n  return app;\n}'),
    );
    const result = await addModule(invoice, testContext({ cwd: dir }));
    expect(result.changes).toContainEqual({ path: 'src/app.ts', kind: 'merge' });
    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('app.locals.mine = true;');
    expect(app).toContain('app.use("/api/v1/invoices", invoicesRouter(registry, services));');
  });

  it("runs the project's Biome over the code it wrote, and still sees edits the next time", async () => {
    const dir = await databaseProject('none');
    await mkdir(path.join(dir, 'node_modules/.bin'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules/.bin/biome'), '');
    await edit(dir, 'src/app.ts', (text) =>
      text.replace('  return app;\n}', '  app.locals.mine = true;\n  return app;\n}'),
    );
    const run = fakeRunner();
    await addModule(invoice, testContext({ cwd: dir, run }));
    await addModule(
      { module: 'resource', value: 'note', fields: 'body:text' },
      testContext({ cwd: dir }),
    );
    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('app.locals.mine = true;');
    expect(app).toContain('notesRouter');
    expect(run.calls).toHaveLength(1);
    expect(run.calls[0]).toMatch(
      /biome check --write --linter-enabled=false --no-errors-on-unmatched .*src\/app\.ts/,
    );
    expect(run.calls[0]).not.toContain('drizzle/');
  });

  it('refuses a resource when the migration journal the project had is gone, changing nothing', async () => {
    const dir = await databaseProject('jwt');
    await rm(path.join(dir, 'drizzle/meta/_journal.json'));
    const before = await snapshot(dir);
    // Without the journal the migration would be numbered 0000 and overwrite 0000_snapshot.json.
    for (const force of [false, true]) {
      await expect(addModule({ ...invoice, force }, testContext({ cwd: dir }))).rejects.toThrow(
        'drizzle/meta/_journal.json, which lists the migrations of this project, is missing; nothing was changed. Put it back (e.g. git checkout -- drizzle/meta/_journal.json) and try again.',
      );
    }
    expect(await snapshot(dir)).toEqual(before);
  });

  it('gives an irregular noun its plural and records it in the manifest', async () => {
    const dir = await databaseProject('none');
    const result = await addModule(
      { module: 'resource', value: 'child', fields: 'name:string' },
      testContext({ cwd: dir }),
    );
    expect(result.changes).toContainEqual({
      path: 'src/modules/children/children.routes.ts',
      kind: 'create',
    });
    const manifest = JSON.parse(await readFile(path.join(dir, 'create-backend.json'), 'utf8'));
    expect(manifest.resources).toEqual([
      { name: 'todo', plural: 'todos', fields: 'title:string,done:boolean' },
      { name: 'child', plural: 'children', fields: 'name:string' },
    ]);
  });

  it('keeps the regular plural of a resource an older manifest records without one', async () => {
    const dir = await databaseProject('none');
    // What a version that pluralised by the regular rules only generated for these two.
    await addModule(
      { module: 'resource', value: 'analysis', plural: 'analysises', fields: 'title:string' },
      testContext({ cwd: dir }),
    );
    await addModule(
      { module: 'resource', value: 'people', plural: 'peoples', fields: 'name:string' },
      testContext({ cwd: dir }),
    );
    const file = path.join(dir, 'create-backend.json');
    const legacy = JSON.parse(await readFile(file, 'utf8'));
    for (const record of legacy.resources) delete record.plural;
    await writeFile(file, JSON.stringify(legacy, null, 2));

    const again = await addModule(
      { module: 'resource', value: 'analysis', fields: 'title:string' },
      testContext({ cwd: dir }),
    );
    expect(again.changes).toEqual([]);
    const result = await addModule(
      { module: 'resource', value: 'note', fields: 'body:text' },
      testContext({ cwd: dir }),
    );
    expect(result.changes.filter((change) => /analys|people/.test(change.path))).toEqual([]);
    const app = await readFile(path.join(dir, 'src/app.ts'), 'utf8');
    expect(app).toContain('"/api/v1/analysises"');
    expect(app).toContain('"/api/v1/peoples"');
    expect(app).not.toContain('"/api/v1/analyses"');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    expect(manifest.resources).toEqual([
      { name: 'todo', plural: 'todos', fields: 'title:string,done:boolean' },
      { name: 'analysis', plural: 'analysises', fields: 'title:string' },
      { name: 'people', plural: 'peoples', fields: 'name:string' },
      { name: 'note', plural: 'notes', fields: 'body:text' },
    ]);
  });

  it('is harmless the second time, and refuses the same name with other fields', async () => {
    const dir = await databaseProject('none');
    await addModule(invoice, testContext({ cwd: dir }));
    const before = await snapshot(dir);
    const ctx = testContext({ cwd: dir });
    const again = await addModule(invoice, ctx);
    expect(again.changes).toEqual([]);
    expect(ctx.logger.lines.join('\n')).toContain('already has resource invoice');
    await expect(
      addModule({ ...invoice, fields: 'title:string' }, testContext({ cwd: dir })),
    ).rejects.toThrow(/already has the invoice resource \(\/api\/v1\/invoices\) with other fields/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each([
    [
      { module: 'resource', value: '../../etc', fields: 'title:string' },
      /Invalid resource name "\.\.\/\.\.\/etc": it is not a path/,
    ],
    [
      { module: 'resource', value: 'invoice', fields: 'title:string', plural: '../x' },
      /^Invalid plural \(--plural\) "\.\.\/x": it is not a path\. Use a plural noun/,
    ],
    [
      { module: 'resource', value: 'user', fields: 'title:string' },
      /is taken by the generated project/,
    ],
    [
      { module: 'resource', value: 'todo', fields: 'title:string' },
      /already has the todo resource/,
    ],
    [{ module: 'resource', value: 'class', fields: 'title:string' }, /reserved word/],
    [
      { module: 'resource', fields: 'title:string' },
      /Name the resource: npx create-backend-stack add resource <name>/,
    ],
    [
      { module: 'resource', value: 'invoice' },
      /Give the fields: npx create-backend-stack add resource invoice --fields/,
    ],
    [
      // The name is checked first: that message would carry it into a command.
      { module: 'resource', value: 'a;b' },
      /^Invalid resource name "a;b": /,
    ],
    [{ module: 'resource', value: 'invoice', fields: 'title:str' }, /unknown type "str"/],
  ])('refuses %j with one line and writes nothing', async (input, message) => {
    const dir = await databaseProject('none');
    const before = await snapshot(dir);
    await expect(addModule(input, testContext({ cwd: dir }))).rejects.toThrow(message);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('asks for the name and the fields when a person is there to answer', async () => {
    const dir = await databaseProject('none');
    const prompter = scriptedPrompter(['invoice', 'amount:number']);
    const result = await addModule({ module: 'resource' }, testContext({ cwd: dir, prompter }));
    expect(prompter.asked.map((question) => question.message)).toEqual([
      'Resource name (singular)?',
      'Fields (name:type, comma-separated)?',
    ]);
    expect(result.resources).toContainEqual({
      name: 'invoice',
      plural: 'invoices',
      fields: 'amount:number',
    });
  });

  it('checks what is typed at the prompts without speaking of flags nobody typed', async () => {
    const dir = await databaseProject('none');
    const prompter = scriptedPrompter(['invoice', 'amount:number']);
    const checks: Record<string, (value: string) => string | undefined> = {};
    const ask = prompter.text;
    prompter.text = (question) => {
      if (question.validate) checks[question.message] = question.validate;
      return ask(question);
    };
    await addModule({ module: 'resource' }, testContext({ cwd: dir, prompter }));
    const name = checks['Resource name (singular)?'];
    const fields = checks['Fields (name:type, comma-separated)?'];
    expect(name?.('')).toBe('Name the resource with a singular noun, e.g. invoice or line-item.');
    expect(fields?.('amount:money')).toBe(
      'Invalid field "amount:money": unknown type "money"; use one of string, text, number, integer, boolean, date, enum.',
    );
    expect(fields?.('amount:number,amount:number')).toBe('Field "amount" is given twice.');
    expect(fields?.(' , ')).toMatch(/^No fields given: write them as "name:type,…" with types/);
  });

  it('--dry-run shows the new migration and modules as a diff and writes nothing', async () => {
    const dir = await databaseProject('none');
    const before = await snapshot(dir);
    const ctx = testContext({ cwd: dir });
    await addModule({ ...invoice, dryRun: true }, ctx);
    expect(ctx.logger.lines.join('\n')).toMatch(/^\+\+\+ b\/drizzle\/0001_invoices\.sql$/m);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('adding auth later gives existing resources an owner in a new migration', async () => {
    const dir = await databaseProject('none');
    await addModule(invoice, testContext({ cwd: dir }));
    await addModule({ module: 'auth', value: 'jwt', install: false }, testContext({ cwd: dir }));
    const sql = await readFile(path.join(dir, 'drizzle/0002_auth.sql'), 'utf8');
    for (const table of ['todos', 'invoices']) {
      expect(sql).toContain(`DROP INDEX "${table}_created_at_id_idx";`);
      expect(sql).toContain(`ALTER TABLE "${table}" ADD COLUMN "owner_id" uuid NOT NULL;`);
      expect(sql).toContain(`CREATE INDEX "${table}_owner_id_created_at_id_idx"`);
    }
    const repository = await readFile(
      path.join(dir, 'src/modules/invoices/invoices.repository.ts'),
      'utf8',
    );
    expect(repository).toContain('ownerId');
  });
});
