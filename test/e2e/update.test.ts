import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { CLI_VERSION } from '../../src/version.js';
import { describeContract } from './support/contract.js';
import {
  childEnv,
  generateProject,
  runScript,
  type Server,
  startServer,
} from './support/project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const choices = { ...DEFAULT_CHOICES, framework: 'express', deploy: 'none', ci: 'none' };

/** The next minor version after this one: what the "newer" CLI of this test calls itself. */
const NEWER = CLI_VERSION.replace(
  /^(\d+)\.(\d+)\.\d+.*$/,
  (_, major, minor) => `${major}.${Number(minor) + 1}.0`,
);

/**
 * Build a newer CLI than this checkout: a copy with its version bumped and template changes
 * that touch a file users leave alone (problem.ts), one they edit (app.ts), package.json (a
 * script) and the schema (a column, so the update needs a migration); a new file
 * (CONTRIBUTING.md) and one no longer generated (.gitattributes).
 */
async function buildNewerCli(): Promise<string> {
  const dir = await mkdtemp(path.join(inject('e2eRoot'), 'newer-cli-'));
  for (const entry of ['package.json', 'src', 'templates', 'scripts', 'bin', 'tsconfig.json']) {
    await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const change = async (file: string, edit: (text: string) => string) => {
    const full = path.join(dir, file);
    const before = await readFile(full, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`the test's change to ${file} no longer applies`);
    await writeFile(full, after);
  };
  await change('package.json', (text) =>
    text.replace(`"version": "${CLI_VERSION}"`, `"version": "${NEWER}"`),
  );
  await change(
    'templates/base/src/core/problem.ts.hbs',
    (text) => `// Problem details, as RFC 9457 describes them.\n${text}`,
  );
  await change('templates/frameworks/express/base/src/app.ts.hbs', (text) =>
    text.replace(
      '  app.set("trust proxy", config.TRUST_PROXY);\n',
      '  app.set("trust proxy", config.TRUST_PROXY);\n  app.set("json escape", true);\n',
    ),
  );
  await change('templates/jwt/postgres/src/modules/users/users.table.ts', (text) =>
    text.replace(
      '  passwordHash: text("password_hash").notNull(),\n',
      '  passwordHash: text("password_hash").notNull(),\n  displayName: text("display_name"),\n',
    ),
  );
  await change('src/modules/base.ts', (text) =>
    text.replace(
      "    typecheck: 'tsc --noEmit',",
      "    typecheck: 'tsc --noEmit',\n    check: 'npm run lint && npm run typecheck',",
    ),
  );
  // A file the newer templates add, and one they no longer generate.
  await writeFile(path.join(dir, 'templates/base/CONTRIBUTING.md'), '# Contributing\n');
  await rm(path.join(dir, 'templates/base/.gitattributes'));
  await execa('node', ['scripts/build.js'], { cwd: dir });
  return path.join(dir, 'bin/create-backend.js');
}

let building: Promise<string> | undefined;
/** The newer CLI, built once for the file. */
const newerCli = () => {
  building ??= buildNewerCli();
  return building;
};

async function newer(bin: string, args: string[], cwd: string) {
  return execa('node', [bin, ...args, '--baseline', ROOT], {
    cwd,
    env: childEnv({ CI: 'true', CREATE_BACKEND_CACHE: path.join(inject('e2eRoot'), 'cache') }),
    reject: false,
    all: true,
    stdin: 'ignore',
  });
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || full.includes(`${path.sep}node_modules${path.sep}`)) continue;
    files.set(path.relative(dir, full), await readFile(full, 'utf8'));
  }
  return files;
}

const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');

describe(`update from ${CLI_VERSION} to a newer version`, () => {
  let bin: string;
  let dir: string;
  let server: Server | undefined;

  beforeAll(async () => {
    [bin, dir] = await Promise.all([newerCli(), generateProject('updated-app', choices)]);
    // The user's own work: a note in a file the update changes elsewhere, an edit to a file
    // it leaves alone, a dependency of their own.
    const app = await read(dir, 'src/app.ts');
    await writeFile(
      path.join(dir, 'src/app.ts'),
      app.replace(
        '  app.use("/api/v1", apiIndexRouter',
        '  // Our own note, kept across updates.\n  app.use("/api/v1", apiIndexRouter',
      ),
    );
    await writeFile(
      path.join(dir, 'src/core/errors.ts'),
      `// edited by us\n${await read(dir, 'src/core/errors.ts')}`,
    );
    const pkg = JSON.parse(await read(dir, 'package.json'));
    pkg.dependencies['is-number'] = '7.0.0';
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('refuses an edit that clashes with the new templates, naming the file and changing nothing', async () => {
    // The newer templates put a comment above the first line, which this edit changes.
    const original = await read(dir, 'src/core/problem.ts');
    const edited = original.replace(
      'import { STATUS_CODES } from "node:http";',
      'import http from "node:http";',
    );
    expect(edited).not.toBe(original);
    await writeFile(path.join(dir, 'src/core/problem.ts'), edited);
    const before = await snapshot(dir);
    const result = await newer(bin, ['update'], dir);
    expect(result.exitCode).toBe(1);
    expect(String(result.all)).toMatch(
      /would overwrite your edits in src\/core\/problem\.ts; nothing was changed/,
    );
    expect(await snapshot(dir)).toEqual(before);
    await writeFile(path.join(dir, 'src/core/problem.ts'), original);
  });

  it('replaces untouched files, merges edited ones, moves package.json and writes the migration', async () => {
    const result = await newer(bin, ['update', '--json'], dir);
    expect(result.exitCode, String(result.all)).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      from: CLI_VERSION,
      to: NEWER,
      installed: true,
      schemaChanged: true,
    });
    expect(report.changes).toEqual(
      expect.arrayContaining([
        { path: 'src/core/problem.ts', kind: 'update' },
        { path: 'src/app.ts', kind: 'merge' },
        { path: 'src/modules/users/users.table.ts', kind: 'update' },
        { path: 'package.json', kind: 'merge' },
        { path: 'CONTRIBUTING.md', kind: 'create' },
        { path: '.gitattributes', kind: 'delete' },
      ]),
    );
    await expect(read(dir, '.gitattributes')).rejects.toThrow(/ENOENT/);
    expect(await read(dir, 'src/core/problem.ts')).toMatch(/^\/\/ Problem details, as RFC 9457/);
    const app = await read(dir, 'src/app.ts');
    expect(app).toContain('app.set("json escape", true);');
    expect(app).toContain('// Our own note, kept across updates.');
    expect(await read(dir, 'src/core/errors.ts')).toMatch(/^\/\/ edited by us\n/);
    const pkg = JSON.parse(await read(dir, 'package.json'));
    expect(pkg.scripts.check).toBe('npm run lint && npm run typecheck');
    expect(pkg.dependencies['is-number']).toBe('7.0.0');
    const manifest = JSON.parse(await read(dir, 'create-backend.json'));
    expect(manifest.version).toBe(NEWER);
    expect(manifest.files['.gitattributes']).toBeUndefined();
    const migrations = (await readdir(path.join(dir, 'drizzle'))).filter((f) => f.endsWith('.sql'));
    expect(migrations).toHaveLength(3);
    expect(await read(dir, `drizzle/${migrations.sort()[2]}`)).toContain(
      'ADD COLUMN "display_name" text',
    );
  });

  it('is then a project that passes its own checks, has no schema drift and is up to date', async () => {
    await runScript(dir, 'lint');
    await runScript(dir, 'typecheck');
    await runScript(dir, 'test');
    await runScript(dir, 'build');
    expect(await runScript(dir, 'db:generate')).toMatch(/No schema changes/i);
    const again = await newer(bin, ['update'], dir);
    expect(again.exitCode).toBe(0);
    expect(String(again.all)).toContain(
      `This project is already up to date with create-backend-stack ${NEWER}.`,
    );
  });

  describe('served after the update', () => {
    beforeAll(async () => {
      server = await startServer(dir, {
        RATE_LIMIT_MAX: '300',
        AUTH_RATE_LIMIT_MAX: '40',
        LOG_LEVEL: 'info',
        CORS_ORIGINS: 'https://app.example.com',
      });
    });
    describeContract(() => server as Server, { database: true, auth: 'jwt', redis: false });
  });
});

describe(`add on a project ${CLI_VERSION} made, with a newer CLI`, () => {
  it('brings only the module, not the template changes since', async () => {
    const [bin, dir] = await Promise.all([
      newerCli(),
      generateProject('older-app', { ...choices, auth: 'none', database: 'none' }),
    ]);
    const result = await newer(bin, ['add', 'cache', 'redis', '--json', '--no-install'], dir);
    expect(result.exitCode, String(result.all)).toBe(0);
    const paths = JSON.parse(result.stdout).changes.map((change: { path: string }) => change.path);
    expect(paths).toContain('src/redis/client.ts');
    expect(paths).not.toContain('src/core/problem.ts');
    // Files the newer templates add or drop are update's to bring, not add's.
    expect(paths).not.toContain('CONTRIBUTING.md');
    expect(paths).not.toContain('.gitattributes');
    expect(await read(dir, '.gitattributes')).toBeTruthy();
    const app = await read(dir, 'src/app.ts');
    expect(app).toContain('sharedRateLimit');
    expect(app).not.toContain('json escape');
    const pkg = JSON.parse(await read(dir, 'package.json'));
    expect(pkg.dependencies.ioredis).toBeDefined();
    expect(pkg.scripts.check).toBeUndefined();
    expect(JSON.parse(await read(dir, 'create-backend.json')).version).toBe(CLI_VERSION);
  });
});
