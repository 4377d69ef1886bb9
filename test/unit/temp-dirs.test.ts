import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../support/temp-dirs.js';

describe('temporary directories of the tests', () => {
  it('are removed together, contents and all', async () => {
    const dirs = tempDirs();
    const made = [await dirs.make(), await dirs.make()];
    await writeFile(path.join(made[0] as string, 'file.txt'), 'x');
    expect(made.every((dir) => existsSync(dir))).toBe(true);
    await dirs.removeAll();
    expect(made.some((dir) => existsSync(dir))).toBe(false);
  });
});
