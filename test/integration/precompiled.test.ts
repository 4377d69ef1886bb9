import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { Choices } from '../../src/options/schema.js';
import { planProject, templateLayers } from '../../src/plan/plan.js';
import { type BundledFile, templateGroup } from '../../src/plan/precompiled.js';
import { readLayers } from '../../src/plan/template-source.js';
import { CLI_VERSION } from '../../src/version.js';
import { bareChoices } from '../support/choices.js';
import { tempDir } from '../support/context.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/create-backend.js');
const posix = (file: string) => file.split(path.sep).join('/');

describe('templates bundled by the build', () => {
  it('carry every file of templates/, in the file of its module folder, `.hbs` precompiled', async () => {
    const dir = path.join(ROOT, 'templates');
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => posix(path.relative(dir, path.join(entry.parentPath, entry.name))));
    expect(files.filter((file) => file.endsWith('.hbs')).length).toBeGreaterThan(50);
    const groups = new Map<string, Map<string, BundledFile>>();
    for (const file of files) {
      const group = templateGroup(file);
      if (!groups.has(group)) {
        const json = await readFile(path.join(ROOT, 'dist/templates', `${group}.json`), 'utf8');
        const bundled: BundledFile[] = JSON.parse(json).files;
        groups.set(group, new Map(bundled.map((entry) => [entry.path, entry])));
      }
      const bundled = groups.get(group)?.get(file);
      expect(bundled?.content, file).toBe(await readFile(path.join(dir, file), 'utf8'));
      expect(bundled?.precompiled, file).toBeTypeOf(file.endsWith('.hbs') ? 'string' : 'undefined');
    }
    // Nothing else: no file templates/ lacks, no folder of its own.
    const bundledCount = [...groups.values()].reduce((sum, group) => sum + group.size, 0);
    expect(bundledCount).toBe(files.length);
    const written = (await readdir(path.join(ROOT, 'dist/templates'), { recursive: true }))
      .filter((f) => f.endsWith('.json'))
      .map((f) => posix(f).replace(/\.json$/, ''));
    expect(written.sort()).toEqual([...groups.keys()].sort());
  });

  it("create every framework's project without templates/ or Handlebars' compiler", async () => {
    // A copy of the package with neither templates/ nor the compiler's chunk: a template read
    // from disk, or compiled at run time, fails to load.
    const copy = await tempDir();
    await cp(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
    await cp(path.join(ROOT, 'dist'), path.join(copy, 'dist'), {
      recursive: true,
      filter: (source) => !path.basename(source).startsWith('compile-'),
    });
    const cwd = await tempDir();
    for (const framework of ['express', 'fastify', 'hono', 'nest']) {
      const args = [framework, '--framework', framework, '--yes', '--no-install', '--no-git'];
      await execa('node', [path.join(copy, 'bin/create-backend.js'), ...args], {
        cwd,
        env: { CI: 'true' },
      });
    }
  });

  it.each<Choices>([
    {
      framework: 'nest',
      database: 'postgres',
      auth: 'jwt',
      cache: 'redis',
      deploy: 'docker',
      ci: 'github',
      observability: 'none',
    },
    {
      framework: 'express',
      database: 'sqlite',
      auth: 'better-auth',
      cache: 'none',
      deploy: 'kubernetes',
      ci: 'gitlab',
      observability: 'otel',
    },
    {
      framework: 'fastify',
      database: 'mysql',
      auth: 'jwt',
      cache: 'redis',
      deploy: 'fly',
      ci: 'github',
      observability: 'none',
    },
    bareChoices('hono'),
  ])('render what the source compiles at run time ($framework, $database)', async (choices) => {
    const cwd = await tempDir();
    const flags = Object.entries(choices).flatMap(([key, value]) => [`--${key}`, value]);
    await execa('node', [BIN, 'app', ...flags, '--yes', '--no-install', '--no-git'], {
      cwd,
      env: { CI: 'true' },
    });
    // From src/ nothing is precompiled: every template is compiled here.
    const plan = planProject(
      { name: 'app', choices, pm: 'npm', cliVersion: CLI_VERSION },
      await readLayers(templateLayers(choices)),
      (n) => Buffer.alloc(n),
    );
    const written = (await readdir(path.join(cwd, 'app'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path.relative(path.join(cwd, 'app'), path.join(entry.parentPath, entry.name)),
      );
    expect(written.sort()).toEqual(plan.files.map((file) => file.path).sort());
    for (const file of plan.files.filter((f) => f.path !== '.env')) {
      expect(await readFile(path.join(cwd, 'app', file.path), 'utf8'), file.path).toBe(
        file.content,
      );
    }
  });
});
