import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { writeProject } from '../../src/write/writer.js';
import { bareChoices } from '../support/choices.js';
import { tempDir } from '../support/context.js';
import { planDemo } from '../support/plan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

it('a project created inside the repository leaves the repository’s lint alone', async () => {
  const repo = await tempDir();
  await copyFile(path.join(ROOT, 'biome.json'), path.join(repo, 'biome.json'));
  await mkdir(path.join(repo, 'src'));
  await writeFile(path.join(repo, 'src/a.ts'), "export const a = 'a';\n");
  const { files } = await planDemo(bareChoices());
  // `npm run create -- my-app`: its own biome.json, double quotes, and so on.
  await writeProject(path.join(repo, 'my-app'), files);
  const lint = await execa(path.join(ROOT, 'node_modules/.bin/biome'), ['check', '.'], {
    cwd: repo,
    reject: false,
    all: true,
  });
  expect(lint.exitCode, lint.all).toBe(0);
  expect(lint.all).toMatch(/Checked 2 files/);
});
