import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { directoryProblem, inspectTarget } from '../../src/project/target.js';
import { tempDir } from '../support/context.js';

describe('inspectTarget', () => {
  it('takes the package name from the last segment of any path', async () => {
    const cwd = await tempDir();
    const target = await inspectTarget(cwd, 'nested/dir/my-api');
    expect(target).toEqual({
      dir: path.join(cwd, 'nested/dir/my-api'),
      name: 'my-api',
      state: 'missing',
    });
  });

  it('accepts "." and names the project after the current directory', async () => {
    const cwd = path.join(await tempDir(), 'service');
    await mkdir(cwd);
    expect(await inspectTarget(cwd, '.')).toMatchObject({ name: 'service', state: 'empty' });
  });

  it('counts a directory holding only .git as empty', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'app/.git'), { recursive: true });
    expect((await inspectTarget(cwd, 'app')).state).toBe('empty');
  });

  it('reports a directory with files as non-empty', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app/notes.txt'), 'mine');
    expect((await inspectTarget(cwd, 'app')).state).toBe('non-empty');
  });

  it('refuses a path that is a file', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'app'), '');
    await expect(inspectTarget(cwd, 'app')).rejects.toThrow(
      new CliError('app exists and is not a directory: choose another path.'),
    );
  });

  it.each([
    [
      'My App!',
      '"My App!" is not a valid npm package name (it has uppercase letters): use "my-app" instead.',
    ],
    [
      'app\u0007',
      'The project directory contains a control character: use a plain name, e.g. my-app.',
    ],
    ['  ', 'The project directory is empty: give a name, e.g. my-app.'],
  ])('refuses %j before touching the disk', (input, message) => {
    expect(directoryProblem('/tmp', input)).toBe(message);
  });
});
