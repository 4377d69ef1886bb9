import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProcessRunner } from '../../src/context.js';
import { installOrRestore } from '../../src/effects/install.js';
import { runProcess } from '../../src/effects/run.js';
import { tempDir } from '../support/context.js';
import { type NpmRegistry, startNpmRegistry } from '../support/npm-registry.js';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

// Real npm against a registry in this process, on 127.0.0.1: no network. The state CI met: the
// lockfile names cb-left@1.0.1, the npm cache holds an abbreviated document of cb-left from
// before 1.0.1 was published, prefer-offline is on, there is no node_modules, and package.json
// has gained a dependency.
describe('installOrRestore with npm, when the cached registry metadata is older than the lockfile', () => {
  let registry: NpmRegistry;
  let work: string;
  let staleCache: string;
  let lockedProject: string;

  /**
   * npm's settings here, from nothing of the machine's (empty npmrc files of its own); the
   * runner takes no environment, so the tests put these in `process.env` for it.
   */
  const npmEnv = (cache: string): Record<string, string> => ({
    npm_config_userconfig: path.join(work, 'user-npmrc'),
    npm_config_globalconfig: path.join(work, 'global-npmrc'),
    npm_config_registry: registry.url,
    npm_config_cache: cache,
    // Lockfiles without `resolved` URLs, as an .npmrc with this setting writes them (the failure
    // was met under one): npm then looks each locked version up in the package's abbreviated
    // document to find its tarball. With the URL in the lockfile, npm fetches the tarball and
    // never reads the stale document, and nothing fails.
    npm_config_omit_lockfile_registry_resolved: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });

  const npm = async (cwd: string, args: string[], cache: string) => {
    const result = await execa('npm', args, { cwd, env: npmEnv(cache), reject: false, all: true });
    expect(result.exitCode, result.all).toBe(0);
  };

  beforeAll(async () => {
    registry = await startNpmRegistry();
    work = await tempDir();
    await writeFile(path.join(work, 'user-npmrc'), '');
    await writeFile(path.join(work, 'global-npmrc'), '');
    await registry.publish('cb-left', '1.0.0');
    await registry.publish('cb-right', '1.0.0');

    // A cache that has seen cb-left's abbreviated document with 1.0.0 alone.
    staleCache = path.join(work, 'stale-cache');
    await npm(work, ['cache', 'add', 'cb-left@1.0.0'], staleCache);
    expect(registry.requests).toContain('GET /cb-left (abbreviated)');

    // cb-left 1.0.1 comes out, and a project locks it (with a cache of its own).
    await registry.publish('cb-left', '1.0.1');
    lockedProject = path.join(work, 'project');
    const dependencies: Record<string, string> = { 'cb-left': '^1.0.0' };
    const manifest = { name: 'p', version: '1.0.0', dependencies };
    await mkdir(lockedProject);
    await writeFile(path.join(lockedProject, 'package.json'), JSON.stringify(manifest));
    await npm(lockedProject, ['install'], path.join(work, 'fresh-cache'));
    const lock = await readJson(path.join(lockedProject, 'package-lock.json'));
    expect(lock.packages['node_modules/cb-left']).toMatchObject({ version: '1.0.1' });
    expect(lock.packages['node_modules/cb-left']).not.toHaveProperty('resolved');

    // Then its node_modules goes, and package.json gains a dependency.
    await rm(path.join(lockedProject, 'node_modules'), { recursive: true });
    dependencies['cb-right'] = '^1.0.0';
    await writeFile(path.join(lockedProject, 'package.json'), JSON.stringify(manifest));
  }, 60_000);

  afterAll(() => registry?.close());
  afterEach(() => vi.unstubAllEnvs());

  /** A copy of the stale project and cache, with the environment that makes npm use them. */
  async function staleState(): Promise<string> {
    const dir = await tempDir();
    await cp(lockedProject, path.join(dir, 'project'), { recursive: true });
    await cp(staleCache, path.join(dir, 'cache'), { recursive: true });
    const env = { ...npmEnv(path.join(dir, 'cache')), npm_config_prefer_offline: 'true' };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    return path.join(dir, 'project');
  }

  it('fails with ETARGET on `npm install --prefer-online`: prefer-offline wins', async () => {
    const project = await staleState();
    const asked = registry.requests.length;
    const result = await runProcess(
      { command: 'npm', args: ['install', '--prefer-online'] },
      { cwd: project },
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/\bcode ETARGET\b/);
    expect(result.output).toContain('No matching version found for cb-left@1.0.1');
    // The stale document was taken as it was: the registry was not asked for cb-left's.
    expect(registry.requests.slice(asked)).not.toContain('GET /cb-left (abbreviated)');
  });

  it('installs what the lockfile names, retrying once with fresh metadata', async () => {
    const project = await staleState();
    const asked = registry.requests.length;
    const runs: string[] = [];
    const run: ProcessRunner = async (command, options) => {
      const result = await runProcess(command, options);
      runs.push(`${[command.command, ...command.args].join(' ')}: exit ${result.exitCode}`);
      return result;
    };

    const result = await installOrRestore(project, 'npm', run);

    expect(result.exitCode, result.output).toBe(0);
    expect(runs).toEqual([
      'npm install: exit 1',
      'npm install --prefer-online --no-prefer-offline: exit 0',
    ]);
    expect(registry.requests.slice(asked)).toContain('GET /cb-left (abbreviated)');
    const installed = (name: string) =>
      readJson(path.join(project, 'node_modules', name, 'package.json'));
    expect(await installed('cb-left')).toMatchObject({ version: '1.0.1' });
    expect(await installed('cb-right')).toMatchObject({ version: '1.0.0' });
  });
});
