import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createProject } from '../../src/commands/create.js';
import { installCommand, isYarnClassic, LOCKFILES } from '../../src/effects/package-manager.js';
import {
  type Choices,
  DEFAULT_CHOICES,
  PACKAGE_MANAGERS,
  type PackageManager,
} from '../../src/options/schema.js';
import { type Plan, planProject } from '../../src/plan/plan.js';
import { fakeRunner, tempDir, testContext } from '../support/context.js';
import { layersFor } from '../support/plan.js';

const FRAMEWORKS = ['express', 'fastify', 'hono', 'nest'] as const;
const project = (framework: (typeof FRAMEWORKS)[number]): Choices => ({
  ...DEFAULT_CHOICES,
  framework,
  database: 'sqlite',
  auth: 'jwt',
  cache: 'none',
  deploy: 'docker',
  ci: 'github',
});

async function planWith(pm: PackageManager, choices: Choices, pmVersion = '9.9.9'): Promise<Plan> {
  return planProject(
    { name: 'demo-api', choices, pm, pmVersion, cliVersion: '0' },
    await layersFor(choices),
    (n) => Buffer.alloc(n),
  );
}
const fileOf = (p: Plan, file: string) => p.files.find((f) => f.path === file)?.content;

describe.each(FRAMEWORKS)('a %s project', (framework) => {
  const choices = project(framework);

  it('approves no install script under pnpm, and lists every one it meets', async () => {
    const workspace = parse(fileOf(await planWith('pnpm', choices), 'pnpm-workspace.yaml') ?? '');
    const expected = {
      express: ['@scarf/scarf', 'esbuild'],
      fastify: ['esbuild'],
      hono: ['@scarf/scarf', 'esbuild'],
      nest: ['@scarf/scarf', '@swc/core', 'esbuild'],
    }[framework];
    expect(workspace).toEqual({
      allowBuilds: Object.fromEntries(expected.map((name) => [name, false])),
    });
  });

  it('gets node_modules under Yarn, and ignores what Yarn keeps beside them', async () => {
    const plan = await planWith('yarn', choices);
    expect(parse(fileOf(plan, '.yarnrc.yml') ?? '')).toEqual({ nodeLinker: 'node-modules' });
    const ignored = (fileOf(plan, '.gitignore') ?? '').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules/', '.yarn/*', '.pnp.*']));
    expect(fileOf(await planWith('npm', choices), '.gitignore')).not.toContain('.yarn');
  });

  it('declares the Node.js versions its packages need', async () => {
    const pkg = JSON.parse(fileOf(await planWith('npm', choices), 'package.json') ?? '{}');
    // nestjs-pino declares >=22.12.0; vite and rolldown (vitest) ^20.19.0 || >=22.12.0.
    expect(pkg.engines.node).toBe(
      framework === 'nest' || framework === 'fastify'
        ? '^22.12.0 || >=24.0.0'
        : '^20.19.0 || ^22.12.0 || >=24.0.0',
    );
  });
});

describe.each(PACKAGE_MANAGERS)('a project installed with %s', (pm) => {
  const choices = project('express');

  it('has only its own package manager files', async () => {
    const paths = (await planWith(pm, choices)).files.map((file) => file.path);
    expect(paths.includes('pnpm-workspace.yaml')).toBe(pm === 'pnpm');
    expect(paths.includes('.yarnrc.yml')).toBe(pm === 'yarn');
  });

  it('copies its lockfile and configuration into the image before installing', async () => {
    const dockerfile = fileOf(await planWith(pm, choices), 'Dockerfile') ?? '';
    const config = { npm: [], pnpm: ['pnpm-workspace.yaml'], yarn: ['.yarnrc.yml'], bun: [] }[pm];
    expect(dockerfile).toContain(`COPY ${['package.json', LOCKFILES[pm], ...config].join(' ')} ./`);
  });

  it('sets its package manager up in CI from package.json packageManager', async () => {
    const workflow = fileOf(await planWith(pm, choices), '.github/workflows/ci.yml') ?? '';
    const steps = parse(workflow).jobs.check.steps as { uses?: string; run?: string }[];
    const setupNode = steps.findIndex((step) => step.uses?.startsWith('actions/setup-node@'));
    const before = steps.slice(0, setupNode);
    if (pm === 'pnpm') {
      // v6.1 installs pnpm 12 (a native binary); it reads the version from packageManager.
      expect(before).toContainEqual({ uses: 'pnpm/action-setup@v6' });
    }
    if (pm === 'yarn') expect(before).toContainEqual({ run: 'corepack enable' });
    if (pm === 'bun') {
      expect(before).toContainEqual({
        uses: 'oven-sh/setup-bun@v2',
        with: { 'bun-version-file': 'package.json' },
      });
    }
    const install = { npm: 'npm ci', pnpm: 'pnpm install --frozen-lockfile' }[pm as string];
    if (install) expect(steps.slice(setupNode)).toContainEqual({ run: install });
  });
});

describe('package manager commands', () => {
  it('lets Yarn write the lockfile of a new project in CI, where it would refuse by default', () => {
    expect(installCommand('yarn')).toEqual({
      command: 'yarn',
      args: ['install', '--no-immutable'],
    });
    expect(installCommand('pnpm')).toEqual({ command: 'pnpm', args: ['install'] });
  });

  it.each([
    ['yarn', '1.22.22', true],
    ['yarn', '4.18.1', false],
    ['yarn', undefined, false],
    ['pnpm', '1.0.0', false],
  ] as const)('%s %s is Yarn Classic: %s', (pm, version, classic) => {
    expect(isYarnClassic(pm, version)).toBe(classic);
  });
});

describe('creating a project with a package manager that did not launch the CLI', () => {
  const versions = (pm: string, output: string, exitCode = 0) =>
    fakeRunner((command, args) =>
      command === pm && args[0] === '--version'
        ? { exitCode, output }
        : { exitCode: 0, output: '' },
    );

  it('refuses Yarn 1 before writing anything when it would install', async () => {
    const cwd = await tempDir();
    const run = versions('yarn', '1.22.22\n');
    await expect(
      createProject({ directory: 'api', yes: true, pm: 'yarn' }, testContext({ cwd, run })),
    ).rejects.toThrow(
      /^--pm yarn: Yarn 1\.22\.22 \(Classic\) cannot install .*Nothing was written\.$/,
    );
    expect(run.calls).toEqual(['yarn --version']);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('pins the version without installing, and writes the project unpinned when there is none', async () => {
    const read = async (cwd: string) =>
      JSON.parse(await readFile(path.join(cwd, 'api', 'package.json'), 'utf8'));
    const flags = { directory: 'api', yes: true, install: false, git: false } as const;

    const pinned = await tempDir();
    await createProject(
      { ...flags, pm: 'pnpm' },
      testContext({ cwd: pinned, run: versions('pnpm', '12.23.0\n') }),
    );
    expect((await read(pinned)).packageManager).toBe('pnpm@12.23.0');

    for (const [pm, run] of [
      ['bun', versions('bun', 'spawn bun ENOENT', -1)],
      ['yarn', versions('yarn', '1.22.22\n')],
    ] as const) {
      const cwd = await tempDir();
      const ctx = testContext({ cwd, run });
      await createProject({ ...flags, pm }, ctx);
      expect((await read(cwd)).packageManager, pm).toBeUndefined();
      const hint = `run "corepack use yarn@stable" in the project`;
      expect(ctx.logger.lines.some((line) => line.includes(hint))).toBe(pm === 'yarn');
    }
  });
});
