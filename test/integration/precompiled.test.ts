import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { Choices } from '../../src/options/schema.js';
import { planProject, templateLayers } from '../../src/plan/plan.js';
import { templateKey } from '../../src/plan/precompiled.js';
import { readLayers } from '../../src/plan/template-source.js';
import { CLI_VERSION } from '../../src/version.js';
import { tempDir } from '../support/context.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/create-backend.js');

describe('templates precompiled by the build', () => {
  it('cover every template', async () => {
    const json = await readFile(path.join(ROOT, 'dist/precompiled-templates.json'), 'utf8');
    const { templates } = JSON.parse(json);
    const dir = path.join(ROOT, 'templates');
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.hbs'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const content = await readFile(path.join(dir, file), 'utf8');
      expect(templates[templateKey(content)], file).toBeTypeOf('string');
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
      framework: 'hono',
      database: 'none',
      auth: 'none',
      cache: 'none',
      deploy: 'none',
      ci: 'none',
      observability: 'none',
    },
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
