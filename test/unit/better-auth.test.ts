import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addModule } from '../../src/commands/add.js';
import { createProject } from '../../src/commands/create.js';
import { betterAuth } from '../../src/modules/better-auth.js';
import { isAllowed } from '../../src/options/rules.js';
import { type Choices, DEFAULT_CHOICES } from '../../src/options/schema.js';
import type { Plan } from '../../src/plan/plan.js';
import { fakeRunner, tempDir, testContext } from '../support/context.js';
import { planDemo as plan } from '../support/plan.js';

const fileOf = (p: Plan, file: string) => p.files.find((f) => f.path === file)?.content ?? '';
const choices = (database: string): Choices => ({
  ...DEFAULT_CHOICES,
  database,
  auth: 'better-auth',
  deploy: 'docker',
  ci: 'none',
});

describe('the better-auth module', () => {
  it('needs a database', () => {
    expect(isAllowed({ auth: 'better-auth' }, 'database', 'none')).toBe(false);
    expect(isAllowed({ database: 'none' }, 'auth', 'better-auth')).toBe(false);
    expect(isAllowed({ database: 'sqlite' }, 'auth', 'better-auth')).toBe(true);
  });

  it('declares a generated secret and the optional provider and SMTP settings', () => {
    const env = new Map((betterAuth.env ?? []).map((variable) => [variable.name, variable]));
    expect(env.get('BETTER_AUTH_SECRET')?.secretBytes).toBeGreaterThanOrEqual(32);
    expect(env.get('BETTER_AUTH_URL')?.production).toBeDefined();
    for (const name of ['GITHUB_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'OIDC_ISSUER', 'SMTP_URL']) {
      expect(env.get(name)?.schema, name).toMatch(/\.optional\(\)$/);
      expect(env.get(name)?.example, name).toBe('');
    }
  });

  it.each([
    [
      'postgres',
      'provider: "pg"',
      /CREATE TABLE "sessions"/,
      /"email_verified" boolean DEFAULT false NOT NULL/,
    ],
    [
      'sqlite',
      'provider: "sqlite"',
      /CREATE TABLE `sessions`/,
      /`email_verified` integer DEFAULT false NOT NULL/,
    ],
    [
      'mysql',
      'provider: "mysql"',
      /CREATE TABLE `sessions`/,
      /`email_verified` boolean NOT NULL DEFAULT false/,
    ],
  ])(
    'renders its tables, migration and adapter for %s',
    async (database, provider, sessions, verified) => {
      const p = await plan(choices(database));
      expect(fileOf(p, 'src/modules/auth/auth.ts')).toContain(provider);
      expect(fileOf(p, 'src/modules/auth/auth.table.ts')).toContain('twoFactors');
      const migration = fileOf(p, 'drizzle/0000_auth.sql');
      expect(migration).toMatch(sessions);
      expect(migration).toMatch(verified);
      for (const table of ['users', 'accounts', 'verifications', 'two_factors']) {
        expect(migration).toContain(table);
      }
      expect(migration).not.toContain('password_hash');
      expect(fileOf(p, '.env')).toMatch(/^BETTER_AUTH_SECRET=\S{40,}$/m);
      expect(fileOf(p, 'docker-compose.yml')).toContain('BETTER_AUTH_SECRET');
      const pkg = JSON.parse(fileOf(p, 'package.json'));
      expect(pkg.dependencies['better-auth']).toBeDefined();
      expect(pkg.devDependencies['oidc-provider']).toBeDefined();
      expect(pkg.scripts['user:role']).toBe('tsx src/db/set-role.ts');
    },
  );

  it('brings the flow tests and the local provider, SMTP and TOTP helpers they share', async () => {
    const p = await plan(choices('sqlite'));
    for (const helper of ['oidc-provider', 'smtp', 'totp']) {
      expect(fileOf(p, `test/helpers/${helper}.ts`), helper).not.toBe('');
    }
    for (const flow of ['oidc', 'two-factor', 'email']) {
      expect(fileOf(p, `test/modules/auth/${flow}.http.test.ts`), flow).not.toBe('');
    }
    const pkg = JSON.parse(fileOf(p, 'package.json'));
    for (const name of ['oidc-provider', '@types/oidc-provider', 'smtp-server', 'otpauth']) {
      expect(pkg.devDependencies[name], name).toMatch(/^\d/);
    }
  });

  it('keeps Better Auth from sending telemetry and from limiting on its own', async () => {
    const auth = fileOf(await plan(choices('postgres')), 'src/modules/auth/auth.ts');
    expect(auth).toContain('telemetry: { enabled: false }');
    expect(auth).toContain('rateLimit: { enabled: false }');
    expect(auth).toContain('basePath: "/api/v1/auth"');
  });
});

describe('add auth better-auth', () => {
  const create = async (auth: string) => {
    const dir = await tempDir();
    const target = path.join(dir, 'app');
    await createProject(
      {
        directory: target,
        framework: 'express',
        database: 'sqlite',
        auth,
        deploy: 'none',
        ci: 'none',
        install: false,
        git: false,
        yes: true,
      },
      testContext({ cwd: dir }),
    );
    return target;
  };

  it('adds it to a project with a database and no auth', async () => {
    const dir = await create('none');
    const run = fakeRunner();
    const result = await addModule(
      { module: 'auth', value: 'better-auth' },
      testContext({ cwd: dir, run }),
    );
    expect(result).toMatchObject({ module: 'auth', value: 'better-auth' });
    expect(await readFile(path.join(dir, 'src/app.ts'), 'utf8')).toContain(
      'authHandler(services.auth)',
    );
  });

  it('refuses to switch a jwt project to it, in one line', async () => {
    const dir = await create('jwt');
    await expect(
      addModule({ module: 'auth', value: 'better-auth' }, testContext({ cwd: dir })),
    ).rejects.toThrow(
      'This project has auth jwt, and add does not replace a choice: to move to better-auth, generate a scratch project with the same options and --auth better-auth (npx create-backend-stack <dir> --framework express --database sqlite --auth better-auth --cache none --deploy none --ci none --observability none --no-install --no-git) and copy over what differs.',
    );
  });
});
