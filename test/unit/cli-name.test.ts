import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAME, NPM_CREATE_COMMAND, PACKAGE_NAME, RUN_COMMAND } from '../../src/cli-name.js';
import { MANIFEST_FILE } from '../../src/plan/manifest.js';
import { planDemo } from '../support/plan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the package name', () => {
  it('is the one in package.json, whose bin is the command', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe(PACKAGE_NAME);
    expect(Object.keys(pkg.bin)).toEqual([COMMAND_NAME]);
    // `npm create <x>` runs the package `create-<x>`.
    expect(PACKAGE_NAME).toMatch(/^create-/);
    expect(NPM_CREATE_COMMAND).toBe(`npm create ${PACKAGE_NAME.slice(7)}@latest`);
  });

  it('is what the README tells users to type', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`${RUN_COMMAND} my-app`);
    expect(readme).toContain(NPM_CREATE_COMMAND);
    expect(readme).not.toMatch(/npx create-backend(?!-stack)\b/);
  });

  it('is recorded in the manifest and named in the generated README', async () => {
    const { files } = await planDemo({
      framework: 'express',
      database: 'postgres',
      auth: 'jwt',
      cache: 'none',
      deploy: 'none',
      ci: 'none',
      observability: 'none',
    });
    const file = (name: string) => files.find((f) => f.path === name)?.content ?? '';
    expect(JSON.parse(file(MANIFEST_FILE)).generator).toBe(PACKAGE_NAME);
    expect(file('README.md')).toContain(`${RUN_COMMAND} add resource`);
    expect(file('README.md')).not.toMatch(/npx create-backend(?!-stack)\b/);
  });
});
