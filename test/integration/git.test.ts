import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initRepository } from '../../src/effects/git.js';
import { runProcess } from '../../src/effects/run.js';
import { fakeRunner, tempDir } from '../support/context.js';

const identity = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

describe('initRepository', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('creates a repository with a first commit on main', async () => {
    const dir = await tempDir();
    await execa('sh', ['-c', 'echo hi > README.md'], { cwd: dir });
    // A machine whose git names new branches otherwise: the generated workflows run on main.
    const config = path.join(await tempDir(), 'gitconfig');
    await writeFile(config, '[init]\n\tdefaultBranch = trunk\n');
    // The runner takes no environment: git reads these from process.env, put back after each test.
    for (const [name, value] of Object.entries({ ...identity, GIT_CONFIG_GLOBAL: config })) {
      vi.stubEnv(name, value);
    }
    expect(await initRepository(dir, runProcess)).toEqual({ status: 'committed' });
    const log = await execa('git', ['log', '--format=%s'], { cwd: dir });
    expect(log.stdout).toBe('Initial commit from create-backend');
    const branch = await execa('git', ['branch', '--show-current'], { cwd: dir });
    expect(branch.stdout).toBe('main');
  });

  it('leaves an enclosing repository alone', async () => {
    const outer = await tempDir();
    await execa('git', ['init', '--quiet'], { cwd: outer });
    const dir = path.join(outer, 'packages/api');
    await mkdir(dir, { recursive: true });
    expect(await initRepository(dir, runProcess)).toEqual({
      status: 'skipped',
      reason: 'already inside a git repository',
    });
  });

  it('skips when git is missing', async () => {
    const run = fakeRunner(() => ({ exitCode: -1, output: 'spawn git ENOENT' }));
    expect(await initRepository('/tmp', run)).toEqual({
      status: 'skipped',
      reason: 'git is not installed',
    });
    expect(run.calls).toEqual(['git --version']);
  });

  it('keeps the repository but says so when the commit is refused', async () => {
    const run = fakeRunner((_, args) => ({
      exitCode: args[0] === 'rev-parse' || args[0] === 'commit' ? 128 : 0,
      output: '',
    }));
    expect(await initRepository('/tmp', run)).toMatchObject({ status: 'initialised' });
  });
});
