import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Choices } from '../../src/options/schema.js';
import { childEnv, generateProject } from './support/project.js';
import { e2ePostgresUrl, e2eRedisUrl } from './support/servers.js';

const GITLAB_CI_LOCAL = path.resolve(
  import.meta.dirname,
  '../../node_modules/.bin/gitlab-ci-local',
);

const choices: Choices = {
  framework: 'express',
  database: 'postgres',
  auth: 'jwt',
  cache: 'redis',
  deploy: 'kubernetes',
  ci: 'gitlab',
  observability: 'none',
};

/**
 * The generated `.gitlab-ci.yml`, run by gitlab-ci-local with its shell executor: each job's
 * own install (from the cache the previous job left) and scripts, in a copy of the project.
 * There is no Docker engine here, so the jobs' images are not pulled, the test job's service
 * containers are left out (this machine's servers stand in for them, as E2E_POSTGRES_URL and
 * E2E_REDIS_URL name them; without them the tests use the embedded database and in-memory
 * limits) and the image is not built.
 */
describe('the GitLab pipeline of a generated project, run by gitlab-ci-local', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await generateProject('gitlab-ci', choices);
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

  it('passes lint, test and build', async () => {
    const variables = [
      ...(e2ePostgresUrl
        ? ['--variable', `DATABASE_URL=${e2ePostgresUrl}`]
        : ['--unset-variable', 'DATABASE_URL']),
      ...(e2eRedisUrl
        ? ['--variable', `REDIS_URL=${e2eRedisUrl}`]
        : ['--unset-variable', 'REDIS_URL']),
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
});
