import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { combination } from './matrix.js';
import { describeContract } from './support/contract.js';
import {
  childEnv,
  generateProject,
  runScript,
  type Server,
  startServer,
} from './support/project.js';
import { e2ePostgresUrl as POSTGRES_URL, e2eRedisUrl as REDIS_URL } from './support/servers.js';

const GITLAB_CI_LOCAL = path.resolve(
  import.meta.dirname,
  '../../node_modules/.bin/gitlab-ci-local',
);

const full = combination({
  framework: 'express',
  database: 'postgres',
  auth: 'jwt',
  cache: 'redis',
  deploy: 'kubernetes',
  ci: 'gitlab',
  observability: 'none',
});

/**
 * One project on the servers CI would give it: its generated `.gitlab-ci.yml` run by
 * gitlab-ci-local with its shell executor (each job's own install, from the cache the previous
 * job left, and scripts, in a copy of the project), the test job against the PostgreSQL and
 * Redis servers E2E_POSTGRES_URL and E2E_REDIS_URL name (without them, the embedded database
 * and in-memory limits); then the pooled node-postgres path in production: `db:migrate` on the
 * server and the contract served from it. There is no Docker engine here, so the jobs' images
 * are not pulled, the test job's service containers are left out (this machine's servers stand
 * in for them) and the image is not built.
 */
describe(`generated ${full.name} with GitLab CI, on real servers`, () => {
  let dir: string;
  let server: Server | undefined;

  beforeAll(async () => {
    // A name of its own: Redis keys are prefixed with it.
    dir = await generateProject(`app-${randomBytes(3).toString('hex')}`, full.choices);
    const pipeline = parse(await readFile(path.join(dir, '.gitlab-ci.yml'), 'utf8'));
    delete pipeline.test.services;
    await writeFile(path.join(dir, '.gitlab-ci-shell.yml'), stringify(pipeline));
    // gitlab-ci-local reads the repository: the project needs one.
    const git = (...args: string[]) => execa('git', args, { cwd: dir });
    await git('init', '--quiet');
    await git('add', '--all');
    await git(
      '-c',
      'user.name=e2e',
      '-c',
      'user.email=e2e@example.com',
      'commit',
      '--quiet',
      '-m',
      'init',
    );
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('passes its GitLab pipeline: lint, test and build', async () => {
    const variables = [
      ...(POSTGRES_URL
        ? ['--variable', `DATABASE_URL=${POSTGRES_URL}`]
        : ['--unset-variable', 'DATABASE_URL']),
      ...(REDIS_URL ? ['--variable', `REDIS_URL=${REDIS_URL}`] : ['--unset-variable', 'REDIS_URL']),
    ];
    const run = await execa(
      GITLAB_CI_LOCAL,
      [
        '--file',
        '.gitlab-ci-shell.yml',
        '--force-shell-executor',
        '--shell-isolation',
        '--concurrency',
        '1',
        '--no-color',
        ...variables,
        'lint',
        'test',
        'build',
      ],
      { cwd: dir, env: childEnv(), reject: false, all: true, stdin: 'ignore' },
    );
    expect(run.exitCode, String(run.all).slice(-6000)).toBe(0);
    for (const job of ['lint', 'test', 'build'])
      expect(run.all).toMatch(new RegExp(`PASS +${job}`));
  });

  describe.skipIf(!POSTGRES_URL)('on a PostgreSQL server, in production mode', () => {
    it('migrates the database and serves', async () => {
      const env = {
        NODE_ENV: 'production',
        DATABASE_URL: String(POSTGRES_URL),
        JWT_SECRET: 'e2e-secret-that-is-long-enough-for-production-use',
        CORS_ORIGINS: 'https://app.example.com',
        AUTH_RATE_LIMIT_MAX: '40',
        LOG_LEVEL: 'info',
      };
      await runScript(dir, 'build');
      const migrated = await runScript(dir, 'db:migrate', env);
      expect(migrated).not.toMatch(/error/i);
      server = await startServer(dir, env);
    });

    describeContract(() => {
      if (!server) throw new Error('the server did not start');
      return server;
    }, full.features);
  });
});
