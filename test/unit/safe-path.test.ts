import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import {
  assertProjectPath,
  hasControlCharacter,
  resolveInside,
} from '../../src/project/safe-path.js';

describe('project paths', () => {
  it.each(['src/app.ts', '.gitignore', 'drizzle/meta/_journal.json', 'a..b/c'])(
    'accepts %s',
    (file) => {
      expect(assertProjectPath(file)).toBe(file);
    },
  );

  it.each([
    '../outside',
    'src/../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'src/./app.ts',
    'a//b',
    '',
    'bad\nname',
    'nul\u0000',
    'unit\u001fseparator',
    'del\u007f',
    '..',
  ])('refuses %j', (file) => {
    expect(() => assertProjectPath(file)).toThrow(CliError);
  });

  it('resolves inside the root and never to the root itself', () => {
    expect(resolveInside('/tmp/p', 'src/a.ts')).toBe(path.resolve('/tmp/p/src/a.ts'));
    expect(() => resolveInside('/tmp/p', '.')).toThrow(CliError);
    expect(() => resolveInside('/tmp/p/', '.')).toThrow(CliError);
  });

  it('takes the root as given: relative, with a trailing separator, or the file system root', () => {
    expect(resolveInside('/tmp/p/', 'src/a.ts')).toBe(path.resolve('/tmp/p/src/a.ts'));
    expect(resolveInside('p', 'a.ts')).toBe(path.resolve('p/a.ts'));
    expect(resolveInside('/', 'a.ts')).toBe(path.resolve('/a.ts'));
    expect(() => resolveInside('/', '.')).toThrow(CliError);
  });

  it('finds C0 control characters and DEL, and nothing printable', () => {
    const codes = Array.from({ length: 0x100 }, (_, code) => code);
    expect(codes.filter((code) => hasControlCharacter(`a${String.fromCharCode(code)}b`))).toEqual([
      ...codes.slice(0, 0x20),
      0x7f,
    ]);
    expect(hasControlCharacter('src/é/😀.ts')).toBe(false);
  });
});
