import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeText } from '../../../src/edits/three-way.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/merge');
const read = (name: string, file: string) =>
  readFile(path.join(FIXTURES, name, `${file}.txt`), 'utf8').catch(() => undefined);

describe('mergeText fixtures (base, ours, theirs → expected, or a conflict)', async () => {
  for (const name of await readdir(FIXTURES)) {
    it(name, async () => {
      const [base, ours, theirs, expected] = await Promise.all(
        ['base', 'ours', 'theirs', 'expected'].map((file) => read(name, file)),
      );
      const result = mergeText(base ?? '', ours ?? '', theirs ?? '');
      if (expected === undefined) expect(result).toMatchObject({ clean: false });
      else expect(result).toEqual({ clean: true, content: expected });
    });
  }
});

describe('mergeText', () => {
  it("marks what clashes as git does, the user's lines first", () => {
    expect(mergeText('a\nb\nc\n', 'a\nB\nc\n', 'a\nβ\nc\n')).toEqual({
      clean: false,
      marked: 'a\n<<<<<<< yours\nB\n=======\nβ\n>>>>>>> generated\nc\n',
    });
  });

  it('takes the new version of a file the user did not edit', () => {
    expect(mergeText('a\n', 'a\n', 'a\nb\n')).toEqual({ clean: true, content: 'a\nb\n' });
  });

  it('keeps the user’s file when the new version is already applied', () => {
    expect(mergeText('a\n', 'a\nb\n', 'a\nb\n')).toEqual({ clean: true, content: 'a\nb\n' });
  });

  it('keeps the user’s file when the generator changes nothing', () => {
    expect(mergeText('a\n', 'x\n', 'a\n')).toEqual({ clean: true, content: 'x\n' });
  });

  it('is idempotent: merging its own result again changes nothing', () => {
    const once = mergeText('a\nb\nc\n', 'a\nB\nc\n', 'a\nb\nc\nd\n');
    expect(once).toEqual({ clean: true, content: 'a\nB\nc\nd\n' });
    const content = once.clean ? once.content : '';
    expect(mergeText('a\nb\nc\n', content, 'a\nb\nc\nd\n')).toEqual({ clean: true, content });
  });
});
