import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, CliError } from '../../src/errors.js';
import { undoTransaction, writeProject, writeTransaction } from '../../src/write/writer.js';
import { tempDir } from '../support/context.js';

const files = [
  { path: 'package.json', content: '{}\n' },
  { path: 'src/app.ts', content: 'export {};\n' },
  { path: '.gitignore', content: 'node_modules\n' },
];

async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('writeProject', () => {
  it('creates a new directory (and missing parents) with every file', async () => {
    const parent = await tempDir();
    const root = path.join(parent, 'a/b/app');
    await writeProject(root, files);
    expect(await tree(root)).toEqual(['.gitignore', 'package.json', 'src', 'src/app.ts']);
    expect(await readdir(parent)).toEqual(['a']);
  });

  it('gives a new project the mode a plain mkdir gives, not a staging directory’s 0700', async () => {
    const parent = await tempDir();
    await mkdir(path.join(parent, 'plain'));
    await writeProject(path.join(parent, 'app'), files);
    const mode = async (name: string) => (await stat(path.join(parent, name))).mode & 0o777;
    expect(await mode('app')).toBe(await mode('plain'));
  });

  it('writes nothing, new directory or existing, once the run is interrupted', async () => {
    const parent = await tempDir();
    const interrupted = AbortSignal.abort();
    const fresh = writeProject(path.join(parent, 'app'), files, interrupted);
    await expect(fresh).rejects.toThrow('Cancelled: nothing was written.');
    expect(await readdir(parent)).toEqual([]);
    const existing = await tempDir();
    await writeFile(path.join(existing, 'package.json'), 'mine');
    await expect(writeProject(existing, files, interrupted)).rejects.toBeInstanceOf(CancelledError);
    expect(await tree(existing)).toEqual(['package.json']);
    expect(await readFile(path.join(existing, 'package.json'), 'utf8')).toBe('mine');
  });

  it('leaves nothing behind when a new directory cannot be written', async () => {
    const parent = await tempDir();
    const bad = [...files, { path: 'src/app.ts/oops', content: '' }];
    await expect(writeProject(path.join(parent, 'new/app'), bad)).rejects.toThrow();
    expect(await readdir(parent)).toEqual([]);
  });

  it('fills an existing directory, keeping files it does not write', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'NOTES.md'), 'mine');
    await writeFile(path.join(root, 'package.json'), 'old');
    await writeProject(root, files);
    expect(await tree(root)).toEqual([
      '.gitignore',
      'NOTES.md',
      'package.json',
      'src',
      'src/app.ts',
    ]);
    expect(await readFile(path.join(root, 'package.json'), 'utf8')).toBe('{}\n');
    expect(await readFile(path.join(root, 'NOTES.md'), 'utf8')).toBe('mine');
  });

  it('restores an existing directory exactly when a write fails half way', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'package.json'), 'old');
    // A directory where a file must go makes the last rename fail after others succeeded.
    await mkdir(path.join(root, 'zzz/taken'), { recursive: true });
    await writeFile(path.join(root, 'zzz/taken/keep'), 'keep');
    const bad = [...files, { path: 'zzz/taken', content: 'x' }];
    await expect(writeProject(root, bad)).rejects.toThrow(
      'Cannot write zzz/taken: a directory of that name is in the way.',
    );
    expect(await tree(root)).toEqual(['package.json', 'zzz', 'zzz/taken', 'zzz/taken/keep']);
    expect(await readFile(path.join(root, 'package.json'), 'utf8')).toBe('old');
  });

  it('refuses to follow a symlinked directory out of the project', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await symlink(outside, path.join(root, 'src'));
    await expect(writeProject(root, files)).rejects.toThrow(CliError);
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(root)).toEqual(['src']);
  });

  it('refuses paths that leave the project before writing anything', async () => {
    const parent = await tempDir();
    await expect(
      writeProject(path.join(parent, 'app'), [{ path: '../evil', content: '' }]),
    ).rejects.toThrow(CliError);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('undoTransaction', () => {
  it('undoes from its journal alone a transaction whose process died before the commit', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'package.json'), '{"name":"app"}\n');
    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    await writeFile(path.join(root, 'README.md'), 'mine\n');
    const contents = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(root)).map(async (name) => [
            name,
            await readFile(path.join(root, name), 'utf8'),
          ]),
        ),
      );
    const before = await contents();
    const noted: string[] = [];
    await writeTransaction(root, files, {
      journal: { note: (change) => noted.push(change.work ?? '') },
      keep: ['package-lock.json', 'yarn.lock'],
    });
    // What an install that the kill left running then does to the lockfiles.
    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}\n');
    await writeFile(path.join(root, 'yarn.lock'), '# new\n');
    const [work = ''] = noted;
    expect(await readdir(root)).toContain(work);

    await undoTransaction(root, work);
    expect(await contents()).toEqual(before);
  });
});

describe('writeTransaction removing files', () => {
  it('deletes them on commit and puts them back on rollback, or from its journal alone', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'docs'));
    await writeFile(path.join(root, 'docs/old.md'), 'no longer generated\n');
    const first = await writeTransaction(root, files, { remove: ['docs/old.md', 'gone.md'] });
    expect(await tree(root)).not.toContain('docs/old.md');
    await first.rollback();
    expect(await readFile(path.join(root, 'docs/old.md'), 'utf8')).toBe('no longer generated\n');

    const noted: string[] = [];
    await writeTransaction(root, files, {
      journal: { note: (change) => noted.push(change.work ?? '') },
      remove: ['docs/old.md'],
    });
    await undoTransaction(root, noted[0] ?? '');
    expect(await readFile(path.join(root, 'docs/old.md'), 'utf8')).toBe('no longer generated\n');

    const last = await writeTransaction(root, files, { remove: ['docs/old.md'] });
    await last.commit();
    expect(await tree(root)).toEqual(['.gitignore', 'package.json', 'src', 'src/app.ts']);
  });

  it('removes the directories the removals empty, and puts them back with the files', async () => {
    const root = await tempDir();
    const put = async (file: string, content = `${file}\n`) => {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    };
    await put('docs/guides/old.md');
    await put('ops/old.yml');
    await put('ops/mine.yml');
    await put('src/old.ts');
    await put('kept/old.md');
    await mkdir(path.join(root, 'kept/empty'));
    await mkdir(path.join(root, 'empty'));
    const remove = ['docs/guides/old.md', 'ops/old.yml', 'src/old.ts', 'kept/old.md'];
    const before = await tree(root);

    const first = await writeTransaction(root, files, { remove });
    await first.rollback();
    expect(await tree(root)).toEqual(before);

    const noted: string[] = [];
    await writeTransaction(root, files, {
      journal: { note: (change) => noted.push(change.work ?? '') },
      remove,
    });
    // The run is killed before its commit: its journal alone puts the directories back.
    expect(await tree(root)).not.toContain('docs');
    await undoTransaction(root, noted[0] ?? '');
    expect(await tree(root)).toEqual(before);

    const last = await writeTransaction(root, files, { remove });
    await last.commit();
    // docs/ and docs/guides/ held only a removed file; ops/ holds the user's, src/ a new file,
    // kept/ a directory that was empty already, and empty/ was empty before.
    expect(await tree(root)).toEqual([
      '.gitignore',
      'empty',
      'kept',
      'kept/empty',
      'ops',
      'ops/mine.yml',
      'package.json',
      'src',
      'src/app.ts',
    ]);
  });
});
