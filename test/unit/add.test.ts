import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addModule } from '../../src/commands/add.js';
import { createProject } from '../../src/commands/create.js';
import { CliError } from '../../src/errors.js';
import { fakeRunner, tempDir, testContext } from '../support/context.js';

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
      /No create-backend.json in .*: run this inside a project created by create-backend\./,
    );
  });

  it.each([
    [{ module: 'redis' }, 'Unknown module "redis": use one of database, auth, deploy, ci.'],
    [
      { module: 'database', value: 'mysql' },
      'Invalid value "mysql" for database: use one of postgres.',
    ],
    [
      { module: 'auth', value: 'jwt' },
      'auth jwt needs a database: run "create-backend add database postgres" first',
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
    expect(manifest.modules).toContain('todos');
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
    await edit(dir, 'src/app.ts', (text) =>
      text.replace('app.use(httpLogger(logger));', 'app.use(httpLogger(logger, "mine"));'),
    );
    await edit(dir, 'src/app.ts', (text) =>
      text.replace(/\n {2}app\.use\("\/api\/v1", api\);/, '\n  app.use("/v1", api);'),
    );
    const before = await snapshot(dir);
    await expect(addModule({ module: 'database' }, testContext({ cwd: dir }))).rejects.toThrow(
      /would overwrite your edits in src\/app\.ts; nothing was changed\..*--force/,
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
