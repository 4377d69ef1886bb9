import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The packages src/ imports (`zod/mini` is zod's), which the build bundles into dist/. */
async function importedPackages(): Promise<string[]> {
  const dir = path.join(ROOT, 'src');
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const names = new Set<string>();
  for (const file of files) {
    const source = await readFile(path.join(dir, file), 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import\()\s*'([^.'][^']*)'/g)) {
      if (!specifier || specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      names.add(parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return [...names].sort();
}

describe('the licences of the bundled packages', () => {
  // MIT, ISC and BSD ask for the copyright notice to travel with the code.
  it('ship in dist/ with each package src/ imports, its notice as the package words it', async () => {
    const shipped = await readFile(path.join(ROOT, 'dist/THIRD-PARTY-LICENSES.txt'), 'utf8');
    const packages = await importedPackages();
    expect(packages).toEqual(expect.arrayContaining(['commander', 'handlebars', 'zod']));
    for (const name of packages) {
      const dir = path.join(ROOT, 'node_modules', name);
      const { version } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
      expect(shipped, name).toContain(`\n${name}@${version} (`);
      const file = (await readdir(dir)).find((entry) => /^licen[cs]e/i.test(entry));
      const notice = (await readFile(path.join(dir, String(file)), 'utf8'))
        .split('\n')
        .find((line) => /copyright/i.test(line));
      expect(shipped, name).toContain(notice?.trim());
    }
  });
});
